package io.verbatim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Tenants page: the operator registers a PBX (never over one there) and changes its SIP domain; a PBX's administrator
 * may not. In the H2 pass only: tenancy runs on both databases in TenantIsolationIT.
 */
class TenantsPageIT {

    @BeforeEach
    void onH2() {
        assumeFalse(DisposableServer.onPostgres(), "the page does not depend on the database (its services are checked on both by the REST tests): checked on H2");
    }

    @Test
    void theOperatorRegistersAPbxOnceAndChangesItsDomain() throws Exception {
        String pbx = "t" + System.nanoTime() % 1_000_000 + ".example.com";
        try (Browser session = new Browser()) {
            session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
            session.driver.findElement(By.id("nav-tenants")).click();
            session.wait.until(ExpectedConditions.urlContains("/app/admin/tenants.xhtml"));
            assertThat(rowOf(session, VerbatimServer.PBX).getText()).as("the suite's PBX, with its users and recordings").isNotEmpty();

            register(session, pbx, "sip.example.com");
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenants:messages"), "Registered PBX " + pbx + "."));
            assertThat(rowOf(session, pbx).getText()).contains("sip.example.com").contains("registered");

            // the same name again (in capitals) is refused next to the field: nothing is overwritten
            register(session, pbx.toUpperCase(), "other.example.com");
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenants:nameMessage"),
                    "PBX " + pbx + " is registered already"));
            assertThat(rowOf(session, pbx).getText()).contains("sip.example.com").doesNotContain("other.example.com");

            // Edit changes the domain
            rowOf(session, pbx).findElement(By.cssSelector(".vb-edit")).click();
            session.wait.until(d -> !d.findElement(By.id("tenants:name")).isEnabled());
            WebElement domain = session.driver.findElement(By.id("tenants:domain"));
            domain.clear();
            domain.sendKeys("voice.example.com");
            session.driver.findElement(By.id("tenants:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenants:messages"), "Saved PBX " + pbx + "."));
            assertThat(rowOf(session, pbx).getText()).contains("voice.example.com");
            String listed = VerbatimServer.getText("/api/v1/tenants", VerbatimServer.admin()).body();
            assertThat(listed).contains("\"name\":\"" + pbx + "\"").contains("\"domain\":\"voice.example.com\"");
            session.screenshot("tenants-page");
        }
    }

    @Test
    void aPbxsAdministratorIsToldTheOperatorManagesPbxs() throws Exception {
        String admin = "tadm" + System.nanoTime() % 1_000_000;
        VerbatimServer.createUser(admin, "ADMIN", true);
        try (Browser session = new Browser()) {
            session.signIn(admin, VerbatimServer.USER_PASSWORD);
            assertThat(session.driver.findElements(By.id("nav-tenants"))).as("no menu entry").isEmpty();
            session.driver.get(VerbatimServer.URL + "/app/admin/tenants.xhtml");
            assertThat(session.driver.findElement(By.id("tenants:operatorOnly")).getText()).contains("Only the operator");
            assertThat(session.driver.findElements(By.id("tenants:table"))).isEmpty();
        }
    }

    private static void register(Browser session, String name, String domain) {
        WebElement field = session.driver.findElement(By.id("tenants:name"));
        field.clear();
        field.sendKeys(name);
        WebElement sip = session.driver.findElement(By.id("tenants:domain"));
        sip.clear();
        sip.sendKeys(domain);
        session.driver.findElement(By.id("tenants:save")).click();
        session.wait.until(d -> (Boolean) session.driver.executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
    }

    private static WebElement rowOf(Browser session, String pbx) {
        return session.wait.until(d -> d.findElements(By.cssSelector("#tenants\\:table_data > tr")).stream()
                .filter(row -> row.findElements(By.cssSelector(".vb-tenant-name")).stream().anyMatch(n -> n.getText().equals(pbx)))
                .findFirst().orElse(null));
    }
}
