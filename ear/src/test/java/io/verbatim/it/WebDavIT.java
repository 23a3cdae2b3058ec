package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.send;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only WebDAV on the originals, used with a real client (Debian's rclone) and the WebDAV credentials. */
class WebDavIT {

    static final String FOLDER = "/" + VerbatimServer.PBX + "/recordings/Files/";
    static final String USER = "davreader";
    static final String PASSWORD = "dav-secret-1";

    record Run(int exit, byte[] out) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Run rclone(Path dir, String... args) throws Exception {
        String obscured = new String(new ProcessBuilder("rclone", "obscure", PASSWORD).start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim();
        String[] command = new String[args.length + 1];
        command[0] = "rclone";
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(dir.resolve("rclone.err").toFile());
        Map<String, String> env = pb.environment();
        env.put("RCLONE_CONFIG", dir.resolve("none.conf").toString());
        env.put("RCLONE_CONFIG_VB_TYPE", "webdav");
        env.put("RCLONE_CONFIG_VB_URL", VerbatimServer.URL + FOLDER);
        env.put("RCLONE_CONFIG_VB_VENDOR", "other");
        env.put("RCLONE_CONFIG_VB_USER", USER);
        env.put("RCLONE_CONFIG_VB_PASS", obscured);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        return new Run(p.waitFor(), out);
    }

    @Test
    void originalsAreListedAndReadButNotChanged(@TempDir Path dir) throws Exception {
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        String name = captureName("davowner");
        long id = idFrom(upload(name, capture));
        String binnedName = captureName("davowner");
        long binned = idFrom(upload(binnedName, capture));
        VerbatimServer.awaitConverted(binned);
        assertThat(VerbatimServer.delete("/api/v1/recordings/" + binned, admin()).statusCode()).isEqualTo(200);

        HttpResponse<String> off = send("PROPFIND", FOLDER, "", "application/xml", basic(USER, PASSWORD));
        assertThat(off.statusCode()).isEqualTo(403);
        assertThat(json(off.body()).getString("message")).isEqualTo("WebDAV is off for this PBX: set webdavUser and webdavPassword in its own settings");

        // the operator's default pair, which the phones of every PBX may carry, uploads but reads nothing
        assertThat(putJson("/api/v1/settings", "{\"webdavUser\":\"" + USER + "\",\"webdavPassword\":\"" + PASSWORD + "\"}", admin())
                .statusCode()).isEqualTo(200);
        try {
            assertThat(send("PROPFIND", FOLDER, "", "application/xml", basic(USER, PASSWORD)).statusCode()).isEqualTo(403);
        } finally {
            assertThat(putJson("/api/v1/settings", "{\"webdavUser\":\"\"}", admin()).statusCode()).isEqualTo(200);
        }
        assertThat(putJson("/api/v1/settings?pbx=" + VerbatimServer.PBX, "{\"webdavUser\":\"" + USER + "\",\"webdavPassword\":\""
                + PASSWORD + "\"}", admin()).statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> options = send("OPTIONS", FOLDER, "", "text/plain", null);
            assertThat(options.statusCode()).isEqualTo(200);
            assertThat(options.headers().firstValue("DAV")).hasValue("1");
            assertThat(send("PROPFIND", FOLDER, "", "application/xml", null).statusCode()).isEqualTo(401);
            assertThat(send("PROPFIND", FOLDER, "", "application/xml", basic(USER, "wrong-password")).statusCode()).isEqualTo(401);
            HttpResponse<String> depthZero = VerbatimServer.send("PROPFIND", FOLDER + name, "", "application/xml", basic(USER, PASSWORD));
            assertThat(depthZero.statusCode()).isEqualTo(207);
            assertThat(depthZero.body()).contains("<D:getcontentlength>" + capture.length + "</D:getcontentlength>");

            Run listed = rclone(dir, "lsf", "vb:");
            assertThat(listed.exit()).as(Files.readString(dir.resolve("rclone.err"))).isZero();
            assertThat(listed.text().lines()).contains(name).doesNotContain(binnedName);

            Run part = rclone(dir, "cat", "--offset", "24", "--count", "16", "vb:" + name);
            assertThat(part.exit()).as(Files.readString(dir.resolve("rclone.err"))).isZero();
            assertThat(part.out()).as("a byte range").isEqualTo(Arrays.copyOfRange(capture, 24, 40));

            Run copied = rclone(dir, "copyto", "vb:" + name, "copy.pcap");
            assertThat(copied.exit()).as(Files.readString(dir.resolve("rclone.err"))).isZero();
            assertThat(Files.readAllBytes(dir.resolve("copy.pcap"))).isEqualTo(capture);

            assertThat(rclone(dir, "deletefile", "vb:" + name).exit()).as("read-only").isNotZero();
            HttpResponse<String> refused = send("DELETE", FOLDER + name, "", "text/plain", basic(USER, PASSWORD));
            assertThat(refused.statusCode()).isEqualTo(405);
            assertThat(json(refused.body()).getString("message")).isEqualTo("read-only: recordings are not changed over WebDAV");
            assertThat(getText("/api/v1/recordings/" + id, admin()).statusCode()).isEqualTo(200);

            // a reader pair of its own, apart from the phones': then the phones' pair reads nothing
            assertThat(putJson("/api/v1/settings", "{\"webdavReaderUser\":\"archive\",\"webdavReaderPassword\":\"archive-secret\"}", admin())
                    .statusCode()).as("never a default").isEqualTo(400);
            assertThat(putJson("/api/v1/settings?pbx=" + VerbatimServer.PBX,
                    "{\"webdavReaderUser\":\"archive\",\"webdavReaderPassword\":\"archive-secret\"}", admin()).statusCode()).isEqualTo(200);
            assertThat(send("PROPFIND", FOLDER, "", "application/xml", basic(USER, PASSWORD)).statusCode()).as("the phones' pair").isEqualTo(401);
            assertThat(send("PROPFIND", FOLDER, "", "application/xml", basic("archive", "archive-secret")).statusCode()).isEqualTo(207);
            assertThat(VerbatimServer.put("/" + VerbatimServer.PBX + "/recordings/Files/" + captureName("davowner"), capture,
                    basic("archive", "archive-secret")).statusCode()).as("the reader uploads nothing").isEqualTo(401);

            var reads = json(getText("/api/v1/action-log?recordingId=" + id + "&action=download", admin()).body()).getJsonArray("items");
            assertThat(reads).isNotEmpty();
            assertThat(reads.getJsonObject(0).getString("user")).isEqualTo("webdav:" + USER);
            assertThat(reads.getJsonObject(0).getString("detail")).isEqualTo("original capture over WebDAV");
        } finally { // the PBX follows the defaults again
            assertThat(VerbatimServer.delete("/api/v1/settings?pbx=" + VerbatimServer.PBX, admin()).statusCode()).isEqualTo(200);
        }
        assertThat(send("PROPFIND", FOLDER, "", "application/xml", basic(USER, PASSWORD)).statusCode()).isEqualTo(403);
    }
}
