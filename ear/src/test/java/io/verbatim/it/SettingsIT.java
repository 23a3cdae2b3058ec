package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.OutputFormat;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The lifecycle settings, the PBX name and its banner, and trace levels switched at runtime. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsIT {

    /**
     * First, while the suite's fresh server has no PBX name: the operator saves the page without giving one (every
     * save failed silently before), and a value the server refuses is shown next to its field and at the top.
     */
    @Test
    @Order(1)
    void theSettingsPageSavesWithoutAPbxNameAndShowsRefusalsBesideTheirFields() throws Exception {
        assertThat(settings().getBoolean("pbxNameMissing")).as("the suite's server starts with no PBX name").isTrue();
        int wait = settings().getInt("callInformationWaitMinutes");
        String formatBefore = settings().getString("outputFormat");
        try (Browser session = new Browser()) {
            session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
            session.driver.get(VerbatimServer.URL + "/app/admin/settings.xhtml");
            WebElement minutes = session.wait.until(ExpectedConditions.elementToBeClickable(By.id("settings:wait_input")));
            minutes.sendKeys(Keys.chord(Keys.CONTROL, "a"), Integer.toString(wait + 1));
            session.driver.findElement(By.id("settings:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:messages"), "Settings saved"));
            assertThat(settings().getInt("callInformationWaitMinutes")).isEqualTo(wait + 1);
            assertThat(settings().getBoolean("pbxNameMissing")).isTrue();

            // the output format is picked by what it is, and saved as the API names it
            session.choose("settings:outputFormat", "mp3-64-mono", "MP3 64 kbit/s, mono (both parties mixed)");
            WebElement saidBefore = session.driver.findElement(By.id("settings:messages"));
            session.driver.findElement(By.id("settings:save")).click();
            // the first save's "Settings saved" is still there: wait for this save's answer to replace it
            session.wait.until(ExpectedConditions.stalenessOf(saidBefore));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:messages"), "Settings saved"));
            assertThat(settings().getString("outputFormat")).isEqualTo("mp3-64-mono");
            session.choose("settings:outputFormat", formatBefore, OutputFormat.parse(formatBefore).describe());
            session.driver.findElement(By.id("settings:webdavPassword")).sendKeys("short");
            session.driver.findElement(By.id("settings:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:webdavPasswordError"),
                    "webdavPassword must have at least 8 characters"));
            assertThat(session.driver.findElement(By.id("settings:outputFormatError")).getText()).isEmpty();
        } finally {
            putJson("/api/v1/settings", "{\"callInformationWaitMinutes\":" + wait + ",\"outputFormat\":\"" + formatBefore + "\"}", admin());
        }
    }

    /** The largest upload is shown and typed in MB, stored in bytes; saving other settings leaves it as it was. */
    @Test
    @Order(2)
    void theLargestUploadIsGivenInMegabytes() throws Exception {
        long before = settings().getJsonNumber("maxCaptureBytes").longValue();
        try (Browser session = new Browser()) {
            session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
            session.driver.get(VerbatimServer.URL + "/app/admin/settings.xhtml");
            WebElement size = session.wait.until(ExpectedConditions.elementToBeClickable(By.id("settings:maxCapture_input")));
            assertThat(new java.math.BigDecimal(size.getAttribute("value")))
                    .isEqualByComparingTo(java.math.BigDecimal.valueOf(before).divide(java.math.BigDecimal.valueOf(1048576), 2,
                            java.math.RoundingMode.HALF_UP));
            size.sendKeys(Keys.chord(Keys.CONTROL, "a"), "150.5");
            session.driver.findElement(By.id("settings:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:messages"), "Settings saved"));
            assertThat(settings().getJsonNumber("maxCaptureBytes").longValue()).isEqualTo(157_810_688L); // 150.5 × 1,048,576
        } finally {
            putJson("/api/v1/settings", "{\"maxCaptureBytes\":" + before + "}", admin());
        }
        assertThat(settings().getJsonNumber("maxCaptureBytes").longValue()).isEqualTo(before);
    }

    static JsonObject settings() throws Exception {
        return json(getText("/api/v1/settings", admin()).body());
    }

    static void refused(String body, String message) throws Exception {
        HttpResponse<String> response = putJson("/api/v1/settings", body, admin());
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(json(response.body()).getString("message")).isEqualTo(message);
    }

    @Test
    void retentionRecycleBinAndExportKeepingDaysHaveDefaultsAndLimits() throws Exception {
        JsonObject s = settings();
        assertThat(s.getInt("retentionDays")).isBetween(0, 11000);
        refused("{\"retentionDays\":11001}", "retentionDays must be between 1 and 11000 (0: keep until deleted)");
        refused("{\"retentionDays\":-1}", "retentionDays must be between 1 and 11000 (0: keep until deleted)");
        refused("{\"recycleBinDays\":-1}", "recycleBinDays must be between 0 (purged by the next run) and 11000");
        refused("{\"exportKeepDays\":11001}", "exportKeepDays must be between 0 (deleted by the next run) and 11000");
        int before = s.getInt("recycleBinDays");
        assertThat(json(putJson("/api/v1/settings", "{\"recycleBinDays\":" + (before + 1) + "}", admin()).body()).getInt("recycleBinDays"))
                .isEqualTo(before + 1);
        assertThat(putJson("/api/v1/settings", "{\"recycleBinDays\":" + before + "}", admin()).statusCode()).isEqualTo(200);
        JsonObject logged = json(getText("/api/v1/action-log?action=setting-change&limit=2", admin()).body()).getJsonArray("items").getJsonObject(1);
        assertThat(logged.getString("detail")).isEqualTo("recycleBinDays=" + (before + 1));
    }

    @Test
    void aSettingMisnamedOrOfTheWrongKindIsRefusedByNameAndWhatOnlyAViewShowsMayComeBack() throws Exception {
        refused("{\"retentionDay\":5}", "retentionDay is no setting (GET /api/v1/settings shows them)");
        refused("{\"retentionDays\":\"45\"}", "retentionDays must be a whole number, not 45");
        refused("{\"retentionDays\":4.5}", "retentionDays must be a whole number: 4.5 is not one of those it takes");
        refused("{\"onlyMeAllowed\":\"yes\"}", "onlyMeAllowed must be true or false, not yes");
        refused("{\"traceLevels\":\"debug\"}", "traceLevels must map categories to levels, such as {\"recording\": \"debug\"}");

        JsonObject read = settings(); // what only a view shows comes back with a change: ignored, nothing changes or is logged
        String lastChange = newestSettingChange();
        var sent = Json.createObjectBuilder().add("retentionDays", read.get("retentionDays")).add("outputFormat", read.get("outputFormat"));
        for (String shownOnly : List.of("pbx", "webdavPasswordSet", "webdavReaderPasswordSet", "smtpPasswordSet", "pbxNameMissing",
                "cryptKeyId", "cryptKeyOwn")) {
            sent.add(shownOnly, read.getOrDefault(shownOnly, JsonValue.NULL));
        }
        HttpResponse<String> back = putJson("/api/v1/settings", sent.build().toString(), admin());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(json(back.body())).isEqualTo(read);
        assertThat(newestSettingChange()).as("no change logged").isEqualTo(lastChange);
    }

    /** The newest setting change logged (its hash tells it from any other), or none. */
    static String newestSettingChange() throws Exception {
        JsonArray items = json(getText("/api/v1/action-log?action=setting-change&limit=1", admin()).body()).getJsonArray("items");
        return items.isEmpty() ? "none" : items.getJsonObject(0).getString("hash");
    }

    @Test
    void traceLevelsSwitchLoggingAtRuntime() throws Exception {
        refused("{\"traceLevels\":{\"sound\":\"debug\"}}",
                "traceLevels has no category 'sound'; known: recording, callInformation, conversion, license, gui, connections");
        refused("{\"traceLevels\":{\"conversion\":\"loud\"}}", "traceLevels.conversion must be one of off, error, warning, info, debug, trace");
        Path log = Path.of(System.getProperty("verbatim.data", ""), "log", "server.log");
        assertThat(log).as("-Dverbatim.data: the server's data folder").exists();

        long quiet = idFrom(upload(captureName("tracer"), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        VerbatimServer.awaitConverted(quiet);
        assertThat(Files.readString(log)).doesNotContain("Converting recording " + quiet + " (");

        JsonObject changed = json(putJson("/api/v1/settings", "{\"traceLevels\":{\"conversion\":\"debug\"}}", admin()).body());
        assertThat(changed.getJsonObject("traceLevels").getString("conversion")).isEqualTo("debug");
        assertThat(changed.getJsonObject("traceLevels").getString("recording")).isEqualTo("info");
        try {
            long traced = idFrom(upload(captureName("tracer"), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
            VerbatimServer.awaitConverted(traced);
            assertThat(Files.readString(log)).contains("Converting recording " + traced + " (");
        } finally {
            assertThat(putJson("/api/v1/settings", "{\"traceLevels\":{\"conversion\":\"info\"}}", admin()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void administratorsAreToldUntilThePbxHasAName() throws Exception {
        refused("{\"pbxName\":\"  \"}", "pbxName must have 1 to 100 characters");
        try (Browser session = new Browser()) {
            session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
            boolean missing = settings().getBoolean("pbxNameMissing");
            assertThat(session.driver.findElements(By.id("pbx-name-missing"))).hasSize(missing ? 1 : 0);

            session.driver.get(VerbatimServer.URL + "/app/admin/settings.xhtml");
            WebElement name = session.wait.until(ExpectedConditions.elementToBeClickable(By.id("settings:pbxName")));
            name.clear();
            name.sendKeys("Head office PBX");
            session.driver.findElement(By.id("settings:save")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:messages"), "Settings saved"));
            assertThat(settings().getString("pbxName")).isEqualTo("Head office PBX");

            // how long action-log exports are kept, on the same page
            int keepDays = settings().getInt("exportKeepDays");
            WebElement keep = session.driver.findElement(By.id("settings:exportKeepDays_input"));
            keep.sendKeys(Keys.chord(Keys.CONTROL, "a"), "14"); // the number field's script ignores clear()
            WebElement saidBefore = session.driver.findElement(By.id("settings:messages"));
            session.driver.findElement(By.id("settings:save")).click();
            // the first save's "Settings saved" is still there: wait for this save's answer to replace it
            session.wait.until(ExpectedConditions.stalenessOf(saidBefore));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:messages"), "Settings saved"));
            try {
                assertThat(settings().getInt("exportKeepDays")).isEqualTo(14);
            } finally {
                putJson("/api/v1/settings", "{\"exportKeepDays\":" + keepDays + "}", admin());
            }
            session.driver.get(VerbatimServer.URL + "/app/recordings.xhtml");
            session.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
            assertThat(session.driver.findElements(By.id("pbx-name-missing"))).isEmpty();
        }
    }
}
