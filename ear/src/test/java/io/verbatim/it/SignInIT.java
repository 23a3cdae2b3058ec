package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.putJson;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** API tokens and the sign-in back-off, against the deployed EAR. */
class SignInIT {

    static final String PASSWORD = VerbatimServer.USER_PASSWORD;

    static String newUser(String prefix) throws Exception {
        String username = prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        VerbatimServer.createUser(username, "USER", true);
        return username;
    }

    @Test
    void aTokenStandsInForThePasswordUntilRevoked() throws Exception {
        String user = newUser("tok");
        HttpResponse<String> created = postJson("/api/v1/tokens", "{\"name\":\"CRM export\",\"expiresInDays\":30}", basic(user, PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject token = json(created.body());
        String secret = token.getString("secret");
        assertThat(secret).startsWith("vbt_").hasSizeGreaterThan(40);
        assertThat(token.getString("username")).isEqualTo(user);
        assertThat(token.getString("expiresAt")).isNotBlank();

        assertThat(getText("/api/v1/recordings", "Bearer " + secret).statusCode()).isEqualTo(200);
        JsonObject listed = json("{\"t\":" + getText("/api/v1/tokens", "Bearer " + secret).body() + "}")
                .getJsonArray("t").getJsonObject(0);
        assertThat(listed.getString("name")).isEqualTo("CRM export");
        assertThat(listed.containsKey("secret")).as("the secret is shown once only").isFalse();
        assertThat(listed.getString("lastUsedAt")).isNotBlank();

        HttpResponse<String> revoked = VerbatimServer.delete("/api/v1/tokens/" + token.getJsonNumber("id").longValue(), basic(user, PASSWORD));
        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> after = getText("/api/v1/recordings", "Bearer " + secret);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(after.body()).getString("message")).isEqualTo("invalid, expired or revoked API token");
        assertThat(getText("/api/v1/recordings", "Bearer vbt_made-up").statusCode()).isEqualTo(401);
    }

    @Test
    void nobodyElseCanRevokeAUsersToken() throws Exception {
        String owner = newUser("own");
        String other = newUser("oth");
        long id = json(postJson("/api/v1/tokens", "{\"name\":\"script\"}", basic(owner, PASSWORD)).body()).getJsonNumber("id").longValue();
        assertThat(VerbatimServer.delete("/api/v1/tokens/" + id, basic(other, PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(VerbatimServer.delete("/api/v1/tokens/" + id, admin()).statusCode()).as("an administrator may").isEqualTo(200);
        assertThat(postJson("/api/v1/tokens", "{}", basic(owner, PASSWORD)).statusCode()).as("no name").isEqualTo(400);
    }

    /** The status of a GET sent from another loopback address (the whole of 127/8 is this machine). */
    static int statusFrom(String localAddress, String path, String authorization) throws Exception {
        URI server = URI.create(VerbatimServer.URL);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                    + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void repeatedFailuresFromOneAddressRefuseItUntilTheBackOffEndsOrAnAdministratorLiftsIt() throws Exception {
        String user = newUser("lock");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = getText("/api/v1/recordings", basic(user, "wrong password " + i));
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = getText("/api/v1/recordings", basic(user, PASSWORD));
        assertThat(locked.statusCode()).as("even the right password, while locked").isEqualTo(401);
        assertThat(json(locked.body()).getString("message")).startsWith("sign-in from your address refused after repeated failures until ");
        // the same answer for a name that is no user: it tells nobody which names exist
        String nobody = "nobody" + user;
        for (int i = 0; i < 5; i++) {
            getText("/api/v1/recordings", basic(nobody, "wrong password " + i));
        }
        assertThat(json(getText("/api/v1/recordings", basic(nobody, PASSWORD)).body()).getString("message"))
                .startsWith("sign-in from your address refused after repeated failures until ");
        // the stranger is refused, not the account: from another address it still signs in
        assertThat(statusFrom("127.0.0.2", "/api/v1/recordings", basic(user, PASSWORD))).as("another address").isEqualTo(200);

        assertThat(putJson("/api/v1/users/" + user, "{\"active\":true}", admin()).statusCode()).isEqualTo(200);
        assertThat(getText("/api/v1/recordings", basic(user, PASSWORD)).statusCode()).as("lifted by an administrator").isEqualTo(200);
    }
}
