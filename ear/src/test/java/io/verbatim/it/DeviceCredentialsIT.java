package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.delete;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.put;
import static io.verbatim.it.VerbatimServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A PBX with several sites gives each its own device credentials: each uploads into that PBX only, withdrawing one
 * cuts off that site's phones and no other's, and another PBX's administrator neither sees nor withdraws them.
 */
class DeviceCredentialsIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String SITES = "sites-" + SUFFIX;
    static final String NEIGHBOUR = "neighbour-" + SUFFIX;
    static final String CAMPUS = "campus-" + SUFFIX;
    static String sitesAdmin;
    static String campusAdmin;
    static String neighbourAdmin;

    @BeforeAll
    static void setUp() throws Exception {
        sitesAdmin = administrator("sites-admin" + SUFFIX, SITES);
        neighbourAdmin = administrator("neighbour-admin" + SUFFIX, NEIGHBOUR);
        campusAdmin = administrator("campus-admin" + SUFFIX, CAMPUS);
        // the operator sets up the neighbour's main site: from here on its phones need a pair
        add("?pbx=" + NEIGHBOUR, "{\"site\":\"Main\",\"user\":\"main-" + SUFFIX + "\",\"password\":\"main-phones-secret\"}", admin(), 201);
    }

    static String administrator(String name, String pbx) throws Exception {
        HttpResponse<String> made = postJson("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\""
                + VerbatimServer.USER_PASSWORD + "\",\"role\":\"ADMIN\",\"pbx\":\"" + pbx + "\"}", admin());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return basic(name, VerbatimServer.USER_PASSWORD);
    }

    static JsonObject add(String pbxParameter, String body, String authorization, int expected) throws Exception {
        HttpResponse<String> added = postJson("/api/v1/device-credentials" + pbxParameter, body, authorization);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(expected);
        return json(added.body());
    }

    static int upload(String pbx, String authorization) throws Exception {
        byte[] call = G711Calls.twoParty(2, 5151_0000L + ThreadLocalRandom.current().nextInt(1_000_000));
        return put("/" + pbx + "/recordings/Files/" + captureName("site"), call, authorization).statusCode();
    }

    @Test
    void eachSitesPairUploadsIntoItsPbxUntilItIsWithdrawn() throws Exception {
        String north = basic("north-" + SUFFIX, "north-phones-secret");
        String south = basic("south-" + SUFFIX, "south-phones-secret");
        assertThat(upload(CAMPUS, null)).as("no credentials anywhere yet: open, as before").isEqualTo(201);

        JsonObject northPair = add("", "{\"site\":\"North office\",\"user\":\"north-" + SUFFIX + "\",\"password\":\"north-phones-secret\"}",
                campusAdmin, 201);
        add("", "{\"site\":\"South office\",\"user\":\"south-" + SUFFIX + "\",\"password\":\"south-phones-secret\"}", campusAdmin, 201);
        assertThat(northPair.getString("pbx")).isEqualTo(CAMPUS);
        assertThat(northPair.getString("site")).isEqualTo("North office");
        assertThat(northPair.containsKey("password")).isFalse();

        assertThat(upload(CAMPUS, null)).as("a PBX with pairs needs one").isEqualTo(401);
        assertThat(upload(CAMPUS, north)).isEqualTo(201);
        assertThat(upload(CAMPUS, south)).isEqualTo(201);
        assertThat(upload(CAMPUS, basic("north-" + SUFFIX, "south-phones-secret"))).as("another site's password").isEqualTo(401);
        // a pair is its PBX's: the neighbour's folder does not take it
        assertThat(upload(NEIGHBOUR, north)).isEqualTo(401);
        assertThat(upload(NEIGHBOUR, basic("main-" + SUFFIX, "main-phones-secret"))).isEqualTo(201);
        // nor do they read originals: reading is the settings' pairs'
        HttpResponse<String> pair = VerbatimServer.putJson("/api/v1/settings", "{\"webdavUser\":\"campus-" + SUFFIX
                + "\",\"webdavPassword\":\"campus-folder-secret\"}", campusAdmin);
        assertThat(pair.statusCode()).as(pair.body()).isEqualTo(200);
        String folder = "/" + CAMPUS + "/recordings/Files/";
        assertThat(send("PROPFIND", folder, "", "text/xml", basic("campus-" + SUFFIX, "campus-folder-secret")).statusCode())
                .as("the PBX's own pair reads").isEqualTo(207);
        HttpResponse<String> listing = send("PROPFIND", folder, "", "text/xml", north);
        assertThat(listing.statusCode()).as("a site's pair does not").isEqualTo(401);
        assertThat(listing.body()).doesNotContain(".pcap");

        String northUrl = "/api/v1/device-credentials/" + northPair.getJsonNumber("id").longValue();
        assertThat(delete(northUrl, campusAdmin).statusCode()).isEqualTo(204);
        assertThat(upload(CAMPUS, north)).as("withdrawn").isEqualTo(401);
        assertThat(upload(CAMPUS, south)).as("the other site's phones go on").isEqualTo(201);
        assertThat(getText(northUrl, campusAdmin).statusCode()).isEqualTo(404);

        JsonArray logged = json(getText("/api/v1/action-log?action=setting-change&limit=5", campusAdmin).body()).getJsonArray("items");
        assertThat(logged.getJsonObject(0).getString("detail")).isEqualTo("device credentials of site North office withdrawn (user north-" + SUFFIX + ")");
        assertThat(logged.getJsonObject(0).getString("chain")).isEqualTo(CAMPUS);
        assertThat(logged.stream().map(e -> e.asJsonObject().getString("detail")))
                .contains("device credentials of site South office added (user south-" + SUFFIX + ")");
    }

    @Test
    void badPairsAreRefusedNamingTheField() throws Exception {
        String user = "east-" + SUFFIX;
        assertThat(add("", "{\"user\":\"" + user + "\",\"password\":\"east-phones-secret\"}", sitesAdmin, 400).getString("message"))
                .isEqualTo("site is required");
        assertThat(add("", "{\"site\":\"East\",\"user\":\"" + user + "\",\"password\":\"short\"}", sitesAdmin, 400).getString("message"))
                .isEqualTo("password must have 8 to 1024 characters");
        assertThat(add("", "{\"site\":\"East\",\"user\":\"a:b\",\"password\":\"east-phones-secret\"}", sitesAdmin, 400).getString("message"))
                .startsWith("user may not contain ':'");
        assertThat(add("", "{\"site\":\"East\",\"user\":\"" + user + "\",\"password\":\"east-phones-secret\"}", sitesAdmin, 201)
                .getString("user")).isEqualTo(user);
        assertThat(add("", "{\"site\":\"East 2\",\"user\":\"" + user.toUpperCase() + "\",\"password\":\"east-phones-secret\"}", sitesAdmin, 409)
                .getString("message")).contains("has device credentials for user " + user.toUpperCase() + " already");
        assertThat(add("", "{\"site\":\"East\",\"user\":\"x\",\"password\":\"east-phones-secret\"}", admin(), 400).getString("message"))
                .startsWith("pbx is required");
        HttpResponse<String> notJson = send("POST", "/api/v1/device-credentials", "site=East", "application/x-www-form-urlencoded", sitesAdmin);
        assertThat(notJson.statusCode()).isEqualTo(415);
    }

    @Test
    void anotherPbxsAdministratorNeitherSeesNorWithdrawsThem() throws Exception {
        JsonObject west = add("", "{\"site\":\"West\",\"user\":\"west-" + SUFFIX + "\",\"password\":\"west-phones-secret\"}", sitesAdmin, 201);
        String westUrl = "/api/v1/device-credentials/" + west.getJsonNumber("id").longValue();

        assertThat(getText(westUrl, neighbourAdmin).statusCode()).isEqualTo(404);
        assertThat(delete(westUrl, neighbourAdmin).statusCode()).isEqualTo(404);
        assertThat(getText("/api/v1/device-credentials?pbx=" + SITES, neighbourAdmin).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/device-credentials?pbx=" + SITES, "{\"site\":\"Mine\",\"user\":\"mine-" + SUFFIX
                + "\",\"password\":\"mine-phones-secret\"}", neighbourAdmin).statusCode()).isEqualTo(403);
        JsonArray theirs = VerbatimServer.jsonArray(getText("/api/v1/device-credentials", neighbourAdmin).body());
        assertThat(theirs.stream().map(c -> c.asJsonObject().getString("pbx"))).doesNotContain(SITES);
        assertThat(getText("/api/v1/device-credentials", basic("north-" + SUFFIX, "north-phones-secret")).statusCode()).isEqualTo(401);

        JsonArray seen = VerbatimServer.jsonArray(getText("/api/v1/device-credentials?pbx=" + SITES, admin()).body());
        assertThat(seen.stream().map(c -> c.asJsonObject().getString("site"))).contains("West");
        assertThat(getText(westUrl, sitesAdmin).statusCode()).isEqualTo(200);
        assertThat(getText(westUrl, admin()).statusCode()).as("the operator's").isEqualTo(200);
    }

    /** The PBX's administrator on the Settings page: a site's pair added (a short password refused beside its field), used, withdrawn. */
    @Test
    void theSettingsPageAddsAndWithdrawsASitesPair() throws Exception {
        String user = "page-" + SUFFIX;
        try (Browser session = new Browser()) {
            session.signIn("neighbour-admin" + SUFFIX, VerbatimServer.USER_PASSWORD);
            session.driver.get(VerbatimServer.URL + "/app/admin/settings.xhtml");
            session.wait.until(ExpectedConditions.elementToBeClickable(By.id("sites:site"))).sendKeys("Warehouse");
            session.driver.findElement(By.id("sites:user")).sendKeys(user);
            session.driver.findElement(By.id("sites:password")).sendKeys("short");
            session.driver.findElement(By.id("sites:add")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sites:passwordError"),
                    "password must have 8 to 1024 characters"));

            session.driver.findElement(By.id("sites:password")).sendKeys("warehouse-phones");
            session.driver.findElement(By.id("sites:add")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sites:messages"),
                    "Device credentials of site Warehouse added"));
            WebElement table = session.driver.findElement(By.id("sites:table"));
            assertThat(table.getText()).contains("Warehouse").contains(user).contains("neighbour-admin" + SUFFIX);
            assertThat(upload(NEIGHBOUR, basic(user, "warehouse-phones"))).isEqualTo(201);

            String row = session.driver.findElements(By.cssSelector("#sites\\:table tbody tr")).stream()
                    .filter(r -> r.getText().contains(user)).findFirst().orElseThrow().getAttribute("data-ri");
            session.driver.findElement(By.id("sites:table:" + row + ":withdraw")).click();
            session.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sites:messages"),
                    "Device credentials of site Warehouse withdrawn"));
            assertThat(session.driver.findElement(By.id("sites:table")).getText()).doesNotContain(user);
            assertThat(upload(NEIGHBOUR, basic(user, "warehouse-phones"))).isEqualTo(401);
        }
    }
}
