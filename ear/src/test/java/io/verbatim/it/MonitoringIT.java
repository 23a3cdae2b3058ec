package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.USER_PASSWORD;
import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What monitoring sees of the suite's server: health probes without signing in, measurements for the operator and
 * the monitoring token only, and the measurements moving when calls come in.
 */
class MonitoringIT {

    private static final String METRICS_TOKEN = System.getProperty("verbatim.metrics.token", "");

    @Test
    void healthProbesAnswerWithoutCredentialsInMicroProfileHealthJson() throws Exception {
        HttpResponse<String> ready = getText("/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonObject readiness = json(ready.body());
        assertThat(readiness.getString("status")).isEqualTo("UP");
        assertThat(DiskFullIT.check(ready, "database").getJsonObject("data").getString("schemaVersion")).isNotBlank();
        assertThat(DiskFullIT.check(ready, "storage").getJsonObject("data").getJsonNumber("freeBytes").longValue()).isPositive();

        HttpResponse<String> live = getText("/health/live", null);
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(DiskFullIT.check(live, "conversion-workers").getJsonObject("data").getJsonNumber("running").longValue())
                .isPositive();

        HttpResponse<String> all = getText("/health", null);
        assertThat(json(all.body()).getJsonArray("checks")).hasSize(3);
        assertThat(getText("/health/nothing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void metricsNeedTheOperatorOrTheMonitoringToken() throws Exception {
        HttpResponse<String> anonymous = getText("/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(getText("/metrics", "Bearer not-the-token").statusCode()).isEqualTo(401);

        String pbxAdmin = "metrics-pbx-admin-" + System.nanoTime();
        VerbatimServer.createUser(pbxAdmin, "ADMIN", false);
        HttpResponse<String> tenant = getText("/metrics", basic(pbxAdmin, USER_PASSWORD));
        assertThat(tenant.statusCode()).as("a PBX's administrator: %s", tenant.body()).isEqualTo(403);
        assertThat(tenant.body()).contains("operator");
        String user = "metrics-user-" + System.nanoTime();
        VerbatimServer.createUser(user, "USER", true);
        assertThat(getText("/metrics", basic(user, USER_PASSWORD)).statusCode()).isEqualTo(403);

        HttpResponse<String> operator = getText("/metrics", admin());
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
        assertThat(operator.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(operator.body()).contains("jvm_memory_used_bytes", "verbatim_disk_free_bytes");

        assertThat(METRICS_TOKEN).as("ear/bin/test starts the server with VERBATIM_METRICS_TOKEN").isNotBlank();
        HttpResponse<String> scraper = getText("/metrics", "Bearer " + METRICS_TOKEN);
        assertThat(scraper.statusCode()).as(scraper.body()).isEqualTo(200);
        assertThat(value(scraper.body(), "verbatim_conversion_queue_recordings")).as("read for the token's holder too").isNotNaN();
        assertThat(value(scraper.body(), "verbatim_alarms_active{condition=\"disk_low\"}")).isZero();
        assertThat(getText("/api/v1/recordings", "Bearer " + METRICS_TOKEN).statusCode())
                .as("the monitoring token reads measurements, nothing else").isEqualTo(401);
    }

    @Test
    void uploadsAndConversionsAreCounted() throws Exception {
        String before = getText("/metrics", admin()).body();
        byte[] call = G711Calls.twoParty(5, 70_000_000L + System.nanoTime() % 10_000_000L);
        HttpResponse<String> created = VerbatimServer.upload(captureName("metrics"), call);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(VerbatimServer.awaitConverted(VerbatimServer.idFrom(created)).getString("state")).isEqualTo("READY");
        assertThat(getText("/api/v1/action-log/verification", admin()).statusCode()).isEqualTo(200); // logged: VERIFY

        String after = getText("/metrics", admin()).body();
        assertThat(value(after, "verbatim_uploads_total{outcome=\"created\"}"))
                .isEqualTo(before(before, "verbatim_uploads_total{outcome=\"created\"}") + 1);
        assertThat(value(after, "verbatim_upload_bytes_total")).isGreaterThanOrEqualTo(before(before, "verbatim_upload_bytes_total") + call.length);
        assertThat(value(after, "verbatim_conversions_total{outcome=\"converted\"}"))
                .isGreaterThan(before(before, "verbatim_conversions_total{outcome=\"converted\"}"));
        assertThat(after).containsPattern("verbatim_conversion_duration_seconds_bucket\\{codec=\"G\\.711 [^\"]+\",outcome=\"converted\"");
        assertThat(value(after, "verbatim_action_log_appends_total{action=\"VERIFY\"}"))
                .isEqualTo(before(before, "verbatim_action_log_appends_total{action=\"VERIFY\"}") + 1);
    }

    /** A sample's value in Prometheus text; it must be there. */
    private static double value(String scrape, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("%s in the scrape", sample).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** A counter's value before anything counted it: 0 when it has no sample yet. */
    private static double before(String scrape, String sample) {
        return scrape.contains(sample + " ") ? value(scrape, sample) : 0;
    }
}
