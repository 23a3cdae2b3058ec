package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The Unassigned calls page: a call from an extension no user has is given, with the extension's calls to come, to a user picked by name. */
class UnassignedCallsPageIT {

    @Test
    void anAdministratorAssignsAnExtensionsCallsToAUserPickedByName() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String extension = "ext" + suffix;
        String maria = "umaria" + suffix;
        HttpResponse<String> created = VerbatimServer.postJson("/api/v1/users", "{\"username\":\"" + maria + "\",\"displayName\":\"Maria Unassigned "
                + suffix + "\",\"password\":\"correct horse battery\",\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"licensed\":true}", admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // a call later than the other tests' (the page lists the newest first, twenty a page, and runs after many of them)
        long id = idFrom(upload(captureName(extension), G711Calls.twoParty(3, 99_000_000L + Long.parseLong(suffix) % 900_000)));
        awaitConverted(id);

        try (Browser session = new Browser()) {
            session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
            session.driver.findElement(By.id("nav-unassigned")).click();
            session.wait.until(ExpectedConditions.urlContains("/app/admin/unassigned.xhtml"));
            WebElement row = session.wait.until(d -> rowOf(session, extension));

            row.findElement(By.cssSelector("button[id$=':assign']")).click();
            session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assignDialog")));
            assertThat(session.driver.findElement(By.id("assignDialog")).getText()).contains("extension " + extension);
            // without a user picked: said, nothing assigned
            session.driver.findElement(By.id("assignForm:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assignForm:assignMessages"), "Pick the user"));

            session.driver.findElement(By.id("assignForm:user_input")).sendKeys("Unassigned " + suffix);
            WebElement offered = session.wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#assignForm\\:user_panel li[data-item-value='" + maria + "']")));
            assertThat(offered.getText()).isEqualTo("Maria Unassigned " + suffix + " (" + maria + ")");
            offered.click();
            session.wait.until(d -> (Boolean) session.driver.executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
            assertThat(session.driver.findElement(By.id("assignForm:wholeExtension_input")).isSelected()).as("the extension's calls, by default").isTrue();
            session.driver.findElement(By.id("assignForm:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unassigned:messages"),
                    "Assigned 1 recording to Maria Unassigned " + suffix + " (" + maria + "); calls from " + extension + " to come are theirs too."));
            session.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("assignDialog")));
            session.wait.until(d -> rowOf(session, extension) == null); // assigned: no longer listed
            session.screenshot("unassigned-calls");
        }
        assertThat(json(VerbatimServer.getText("/api/v1/recordings/" + id, admin()).body()).getString("owner")).isEqualTo(maria);
        // the extension's next call is Maria's from the start
        long next = idFrom(upload(captureName(extension), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        assertThat(awaitConverted(next).getString("owner")).isEqualTo(maria);
    }

    private static WebElement rowOf(Browser session, String extension) {
        return session.driver.findElements(By.cssSelector("#unassigned\\:table_data > tr")).stream()
                .filter(r -> r.findElements(By.cssSelector(".vb-extension")).stream().anyMatch(e -> e.getText().equals(extension)))
                .findFirst().orElse(null);
    }
}
