package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Users administration page in a real browser: create, find, deactivate; closed to everyone but administrators.
 * In the H2 pass only: the directory's rules run on both databases in AccessRuleIT, AuthorizationMatrixIT and the rest.
 */
class UsersPageIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    Browser browser;

    /** The test PBX is registered, so the operator finds it among the PBXs to pick, whatever ran before. */
    @BeforeAll
    static void registerTheTestPbx() throws Exception {
        HttpResponse<String> registered = VerbatimServer.putJson("/api/v1/tenants/" + VerbatimServer.PBX, "{}", admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    @BeforeEach
    void openBrowser() {
        assumeFalse(DisposableServer.onPostgres(), "the page does not depend on the database (its services are checked on both by the REST tests): checked on H2");
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) { // none on PostgreSQL
            browser.screenshot("users-page-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#users\\:table_data > tr:not(.ui-datatable-empty-message)"));
    }

    @Test
    void anAdministratorCreatesFindsAndDeactivatesAUser() throws Exception {
        String username = "page" + SUFFIX;
        browser.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        browser.driver.findElement(By.id("nav-users")).click();
        browser.wait.until(ExpectedConditions.urlContains("/app/admin/users.xhtml"));

        browser.driver.findElement(By.id("users:username")).sendKeys(username);
        browser.driver.findElement(By.id("users:displayName")).sendKeys("Page Made");
        browser.driver.findElement(By.id("users:password")).sendKeys("short");
        browser.choose("users:pbx", VerbatimServer.PBX, VerbatimServer.PBX);
        // numbers no other test's user has: a search for a number matches any number containing it
        String office = "4711" + SUFFIX;
        String mobile = "4712" + SUFFIX;
        browser.driver.findElement(By.id("users:numbers")).sendKeys(office + ", " + mobile);
        browser.driver.findElement(By.id("users:create")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), "at least 8 characters"));

        WebElement password = browser.driver.findElement(By.id("users:password"));
        password.clear();
        password.sendKeys("correct horse battery");
        browser.driver.findElement(By.id("users:create")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), "Created " + username));

        WebElement search = browser.driver.findElement(By.id("users:search"));
        search.sendKeys(mobile);
        browser.driver.findElement(By.id("users:find")).click();
        browser.wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains(username));
        assertThat(rows().get(0).getText()).contains("Page Made", "USER", office + ", " + mobile, "active");

        rows().get(0).findElement(By.cssSelector(".vb-toggle-active")).click();
        // asked first, "Keep" focused: Enter would keep
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.wait.until(d -> d.switchTo().activeElement().getText().equals("Keep"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), "Deactivated " + username));
        HttpResponse<String> profile = getText("/api/v1/users/" + username, admin());
        assertThat(json(profile.body()).getBoolean("active")).isFalse();
        assertThat(json(profile.body()).getJsonArray("numbers")).hasSize(2);
    }

    @Test
    void anAdministratorViewsTheRecordingsAsAUserSeesThemUntilStopping() throws Exception {
        String username = "seen" + SUFFIX;
        VerbatimServer.createUser(username, "USER", true);
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        VerbatimServer.awaitConverted(VerbatimServer.idFrom(VerbatimServer.upload(VerbatimServer.captureName(username), capture)));
        VerbatimServer.awaitConverted(VerbatimServer.idFrom(VerbatimServer.upload(VerbatimServer.captureName("someone" + SUFFIX), capture)));

        browser.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        browser.driver.get(VerbatimServer.URL + "/app/admin/users.xhtml");
        browser.driver.findElement(By.id("users:search")).sendKeys(username);
        browser.driver.findElement(By.id("users:find")).click();
        browser.wait.until(d -> rows().size() == 1 && rows().get(0).getText().contains(username));
        rows().get(0).findElement(By.cssSelector(".vb-view-as")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("viewingAs:banner"), "Viewing as " + username));
        List<WebElement> seen = browser.driver.findElements(By.cssSelector("#recordings\\:table_data > tr:not(.ui-datatable-empty-message)"));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getText()).contains(username);
        browser.screenshot("users-page-viewing-as");

        browser.driver.findElement(By.id("viewingAs:stop")).click();
        browser.wait.until(d -> d.findElements(By.id("viewingAs:banner")).isEmpty());
        browser.wait.until(d -> d.findElements(By.cssSelector("#recordings\\:table_data > tr:not(.ui-datatable-empty-message)")).size() > 1);
    }

    @Test
    void groupsAppObjectsAndUsersAreEditedOnTheirPages() throws Exception {
        String member = "member" + SUFFIX;
        String supervisor = "sup" + SUFFIX;
        String group = "team" + SUFFIX;
        String appObject = "desk" + SUFFIX;
        VerbatimServer.createUser(member, "USER", true);
        VerbatimServer.createUser(supervisor, "SUPERVISOR", true);
        browser.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);

        browser.driver.findElement(By.id("nav-groups")).click();
        browser.wait.until(ExpectedConditions.urlContains("/app/admin/groups.xhtml"));
        type("groups:name", group);
        browser.choose("groups:pbx", VerbatimServer.PBX, VerbatimServer.PBX);
        browser.pick("groups:members", member, member);
        browser.pick("groups:managers", member, member);
        browser.driver.findElement(By.id("groups:save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups:messages"), "cannot manage a group: not a supervisor"));
        // a picked name is a token with its own remove icon: take the member off the supervisors, pick the supervisor
        browser.driver.findElement(By.cssSelector("[id='groups:managers'] .ui-autocomplete-token-icon")).click();
        browser.pick("groups:managers", supervisor, supervisor);
        browser.driver.findElement(By.id("groups:save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups:messages"), "Saved group " + group));
        browser.driver.findElement(By.xpath("//tr[td[text()='" + group + "']]//button[contains(@class,'vb-edit')]")).click();
        browser.wait.until(d -> !d.findElement(By.id("groups:name")).isEnabled());
        browser.pick("groups:timezone", "vienna", "Europe/Vienna");
        WebElement saidBefore = browser.driver.findElement(By.id("groups:messages"));
        browser.driver.findElement(By.id("groups:save")).click();
        browser.wait.until(ExpectedConditions.stalenessOf(saidBefore)); // the first save's words may still be there
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups:messages"), "Saved group " + group));
        JsonObject savedGroup = json(getText("/api/v1/groups/" + group, admin()).body());
        assertThat(savedGroup.getString("timezone")).isEqualTo("Europe/Vienna");
        assertThat(savedGroup.getJsonArray("managers").getString(0)).isEqualTo(supervisor);
        // "New group" with a name taken: refused, never a replacement of that group's members
        browser.wait.until(d -> d.findElement(By.id("groups:name")).isEnabled()); // saved: the form is "New group" again
        type("groups:name", group);
        browser.choose("groups:pbx", VerbatimServer.PBX, VerbatimServer.PBX);
        browser.pick("groups:members", supervisor, supervisor);
        browser.driver.findElement(By.id("groups:save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups:messages"), "a group named " + group + " exists already"));
        assertThat(json(getText("/api/v1/groups/" + group, admin()).body()).getJsonArray("members").getString(0)).isEqualTo(member);

        browser.driver.findElement(By.id("nav-app-objects")).click();
        browser.wait.until(ExpectedConditions.urlContains("/app/admin/app-objects.xhtml"));
        type("appObjects:name", appObject);
        browser.choose("appObjects:pbx", VerbatimServer.PBX, VerbatimServer.PBX);
        browser.pick("appObjects:members", group, group);
        type("appObjects:accessList", "4711, " + supervisor);
        browser.pick("appObjects:monitor", supervisor, supervisor);
        browser.driver.findElement(By.id("appObjects:save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appObjects:messages"), "Saved app object " + appObject));
        JsonObject savedAppObject = json(getText("/api/v1/app-objects/" + appObject, admin()).body());
        assertThat(savedAppObject.getJsonArray("members").getString(0)).isEqualTo(group);
        assertThat(savedAppObject.getJsonArray("accessList")).hasSize(2);
        assertThat(savedAppObject.getString("monitor")).isEqualTo(supervisor);
        assertThat(savedAppObject.getString("deletionMode")).isEqualTo("RECOVERABLE");

        browser.driver.findElement(By.id("nav-users")).click();
        browser.wait.until(ExpectedConditions.urlContains("/app/admin/users.xhtml"));
        type("users:search", member);
        browser.driver.findElement(By.id("users:find")).click();
        browser.wait.until(d -> rows().size() == 1);
        rows().get(0).findElement(By.cssSelector(".vb-edit")).click();
        browser.wait.until(d -> !d.findElement(By.id("users:username")).isEnabled());
        type("users:email", "member@example.com");
        browser.driver.findElement(By.id("users:create")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), "Saved " + member));
        assertThat(json(getText("/api/v1/users/" + member, admin()).body()).getString("email")).isEqualTo("member@example.com");
    }

    @Test
    void aCsvFileImportedOnThePageReportsTheLinesItRefused() throws Exception {
        Path csv = Files.createTempFile("users", ".csv");
        Files.writeString(csv, "username,password,role,pbx,licensed\n"
                + "csvpage1" + SUFFIX + ",correct horse battery,USER," + VerbatimServer.PBX + ",true\n"
                + "csvpage2" + SUFFIX + ",tiny,USER," + VerbatimServer.PBX + ",true\n"
                + "csvpage3" + SUFFIX + ",correct horse battery,SUPERVISOR," + VerbatimServer.PBX + ",no\n");
        browser.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        browser.driver.get(VerbatimServer.URL + "/app/admin/users.xhtml");
        browser.driver.findElement(By.cssSelector("#import input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver.findElement(By.id("import:importCsv")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), "Imported 2 user(s)"));
        assertThat(browser.driver.findElement(By.id("users:messages")).getText())
                .contains("Line 3 (csvpage2" + SUFFIX + "): password must have at least 8 characters");
        assertThat(getText("/api/v1/users/csvpage3" + SUFFIX, admin()).statusCode()).isEqualTo(200);

        // a file refused as a whole (its header names no role) is said at the top, and the page stays
        Files.writeString(csv, "username,password\ncsvpage4" + SUFFIX + ",correct horse battery\n");
        browser.driver.findElement(By.cssSelector("#import input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver.findElement(By.id("import:importCsv")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"),
                "the CSV header must name username, password and role"));
        assertThat(getText("/api/v1/users/csvpage4" + SUFFIX, admin()).statusCode()).isEqualTo(404);
        Files.delete(csv);
    }

    void type(String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void theAdministrationPageIsClosedToOthers() throws Exception {
        String username = "nonadmin" + SUFFIX;
        VerbatimServer.createUser(username, "SUPERVISOR", true);
        browser.signIn(username, "correct horse battery");
        assertThat(browser.driver.findElements(By.id("nav-users"))).as("no Users link for a supervisor").isEmpty();
        browser.driver.get(VerbatimServer.URL + "/app/admin/users.xhtml");
        assertThat(browser.driver.getPageSource()).doesNotContain("New user");
    }
}
