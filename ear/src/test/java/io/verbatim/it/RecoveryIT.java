package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a node finds after others (or it) went wrong behind its back, done to a server of the test's own by writing its
 * PostgreSQL database and data folder as a crash or an intruder would leave them: a conversion, an upload and a file
 * removal cut off by kill -9; a claim held by a node that is gone; the action log rewritten, then its chain's end
 * removed. Needs SQL access to the server's database while it runs, so it runs on PostgreSQL (the H2 pass skips it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoveryIT {

    private static final String PBX = "recovery.example.com";
    private static DisposableServer server;
    private static long recording;

    /** Each test is counted, as skipped on H2, rather than the class vanishing from the count. */
    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(DisposableServer.onPostgres(), "needs SQL access to the running server's database: PostgreSQL only");
    }

    @BeforeAll
    static void aServerWithAConvertedRecording() throws Exception {
        if (!DisposableServer.onPostgres()) {
            return;
        }
        server = DisposableServer.create("recovery").start();
        HttpResponse<String> created = server.upload(PBX, "00000000000000000000000000000abc-009033aabbcc-1--r.pcap",
                G711Calls.twoParty(3, 4242));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        recording = idFrom(created);
        awaitState(recording, "READY");
    }

    @AfterAll
    static void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * The node dies (kill -9) while converting, with an upload half received and an erased recording's file still in
     * the store (the row's deletion had committed, the file's removal had not); after the restart the recording is
     * converted, the unfinished upload is gone, and so is the erased recording's file.
     */
    @Test
    @Order(1)
    void afterKillMinus9TheNodeFinishesWhatItWasDoingAndClearsWhatItLeft() throws Exception {
        String node = sqlText("select claimed_by from recording where id = " + recording);
        server.kill();
        sql("update recording set state = 'CONVERTING', audio_key = null, audio_size = null where id = " + recording);
        Path partial = server.data().resolve("staging").resolve(node).resolve("interrupted-upload.part");
        Files.createDirectories(partial.getParent());
        Files.write(partial, randomBytes());
        byte[] orphan = randomBytes();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(orphan));
        Path erased = server.data().resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.createDirectories(erased.getParent());
        Files.write(erased, orphan);
        sql("insert into blob_disposal (blob_key, reason, requested_at) values ('sha256:" + sha + "', 'recording 0 erased', now())");

        server.start();
        awaitState(recording, "READY");
        assertThat(sqlText("select audio_key from recording where id = " + recording)).as("converted again").isNotNull();
        assertThat(server.get("/api/v1/recordings/" + recording + "/audio").statusCode()).isEqualTo(200);
        awaitTrue(() -> sqlText("select count(*) from blob_disposal where blob_key = 'sha256:" + sha + "'").equals("0"),
                "the erased recording's disposal done");
        assertThat(partial).as("the unfinished upload").doesNotExist();
        assertThat(erased).as("the erased recording's file").doesNotExist();
    }

    /** A node died two hours ago holding a conversion: this node takes it back, converts it, and raises an alarm. */
    @Test
    @Order(2)
    void aConversionHeldByANodeThatIsGoneIsTakenBackAndAnAlarmSaysSo() throws Exception {
        sql("update recording set state = 'CONVERTING', claimed_by = 'node-gone', claimed_at = now() - interval '2 hours',"
                + " audio_key = null, audio_size = null where id = " + recording);
        awaitState(recording, "READY");
        assertThat(sqlText("select audio_key from recording where id = " + recording)).as("converted again").isNotNull();
        assertThat(sqlText("select claimed_by from recording where id = " + recording)).isNotEqualTo("node-gone");
        AlarmsIT.awaitAlarm(server, "CLAIMS_ABANDONED");
    }

    /**
     * Someone with write access to the database rewrites who played a recording: the chain check names that entry, and
     * an alarm is raised. Then the chain's end is removed, which would hide the chain from a check that trusted it.
     */
    @Test
    @Order(3)
    void anActionLogRewrittenInTheDatabaseIsFoundAndSoIsAChainWithoutItsEnd() throws Exception {
        assertThat(server.get("/api/v1/recordings/" + recording + "/audio").statusCode()).isEqualTo(200); // a play, logged
        String chain;
        long position;
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select chain, chain_position from action_log_entry where position ="
                     + " (select min(position) from action_log_entry where action = 'PLAY')")) {
            assertThat(r.next()).as("a play in the action log").isTrue();
            chain = r.getString(1);
            position = r.getLong(2);
        }
        assertThat(chain).isEqualTo(PBX);
        sql("update action_log_entry set actor = 'someone-else' where chain = '" + chain + "' and chain_position = " + position);
        JsonObject verdict = json(server.get("/api/v1/action-log/verification").body());
        assertThat(verdict.getBoolean("valid")).as(verdict.toString()).isFalse();
        assertThat(verdict.getJsonNumber("firstBrokenEntry").longValue()).as(verdict.toString()).isEqualTo(position);
        assertThat(verdict.getString("chain")).isEqualTo(chain);
        AlarmsIT.awaitAlarm(server, "ACTION_LOG_BROKEN");

        sql("delete from action_log_chain where chain = '" + chain + "'");
        verdict = json(server.get("/api/v1/action-log/verification").body());
        assertThat(verdict.getBoolean("valid")).as(verdict.toString()).isFalse();
        assertThat(verdict.getString("chain")).isEqualTo(chain);
        assertThat(verdict.getString("problem")).contains("its end is missing");
    }

    /**
     * Conversion kept the waveform (twice converted above, one row); a recording converted before waveforms were kept
     * has none: the first request measures it from the original, the same peaks, and keeps it.
     */
    @Test
    @Order(4)
    void aRecordingConvertedBeforeWaveformsGetsOneMeasuredFromItsOriginal() throws Exception {
        assertThat(sqlText("select count(*) from recording_waveform where recording_id = " + recording)).isEqualTo("1");
        HttpResponse<String> kept = server.get("/api/v1/recordings/" + recording + "/waveform");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        sql("delete from recording_waveform where recording_id = " + recording);

        HttpResponse<String> measured = server.get("/api/v1/recordings/" + recording + "/waveform");
        assertThat(measured.statusCode()).as(measured.body()).isEqualTo(200);
        assertThat(json(measured.body())).isEqualTo(json(kept.body()));
        assertThat(json(measured.body()).getJsonArray("local")).isNotEmpty();
        assertThat(sqlText("select count(*) from recording_waveform where recording_id = " + recording)).as("kept now").isEqualTo("1");
    }

    private static void awaitState(long id, String state) throws Exception {
        awaitTrue(() -> server.recording(id).getString("state").equals(state), "recording " + id + " " + state);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waiting for: " + what).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[5000];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** The server's own database, as the suite's PostgreSQL lets its local users in. */
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(server.databaseUrl(), System.getenv("VERBATIM_DB_USER"), System.getenv("VERBATIM_DB_PASSWORD"));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(statement)).as(statement).isPositive();
        }
    }

    private static String sqlText(String query) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            assertThat(r.next()).as(query).isTrue();
            return r.getString(1);
        }
    }
}
