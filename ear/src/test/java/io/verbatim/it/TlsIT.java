package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.captureName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * HTTPS as the scripts set it up: the suite's server serves the self-signed certificate its start generated (in the
 * data folder), a client that trusts exactly that certificate and checks the host name (127.0.0.1 is in it) signs in,
 * uploads and gets a Secure cookie; a client trusting only the usual authorities refuses it. With
 * VERBATIM_HTTPS_ONLY, plain HTTP is sent to HTTPS and only the health probes stay.
 */
class TlsIT {

    static final String HTTPS = System.getProperty("verbatim.https.url", "https://127.0.0.1:8443");

    /** A client trusting the one certificate in the server's generated key store. */
    static HttpClient trustingTheServersCertificate() throws Exception {
        Path tls = Path.of(System.getProperty("verbatim.data"), "tls");
        char[] password = Files.readString(tls.resolve("password")).strip().toCharArray();
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("verbatim.p12"))) {
            generated.load(in, password);
        }
        Certificate certificate = generated.getCertificate("verbatim");
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("verbatim", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Test
    void theGeneratedCertificateServesPagesApiAndDevices() throws Exception {
        HttpClient client = trustingTheServersCertificate();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(HTTPS + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID")
                .containsIgnoringCase("; secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(client.send(HttpRequest.newBuilder(URI.create(HTTPS + "/api/v1/recordings")).header("Authorization", admin()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        byte[] call = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(URI.create(HTTPS + "/" + VerbatimServer.PBX + "/recordings/Files/"
                + captureName("tls"))).PUT(HttpRequest.BodyPublishers.ofByteArray(call)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);

        HttpClient usual = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> usual.send(HttpRequest.newBuilder(URI.create(HTTPS + "/login.xhtml")).build(), HttpResponse.BodyHandlers.discarding()))
                .as("self-signed: not trusted by default").isInstanceOf(SSLHandshakeException.class);
    }

    /** A server of its own (half a minute): TLS does not depend on the database, so it is checked on H2 only. */
    @Test
    void httpsOnlySendsPlainHttpToHttps() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "TLS does not depend on the database: checked on H2");
        try (DisposableServer server = DisposableServer.create("https-only", null, Map.of("VERBATIM_HTTPS_ONLY", "true")).start()) {
            HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = plain.send(HttpRequest.newBuilder(URI.create(server.url() + "/login.xhtml?next=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(308);
            assertThat(page.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + server.httpsPort() + "/login.xhtml?next=x");
            HttpResponse<String> put = plain.send(HttpRequest.newBuilder(URI.create(server.url() + "/tls.example.com/recordings/Files/x.pcap"))
                    .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as("a PUT stays a PUT on its way to HTTPS").isEqualTo(308);
            assertThat(plain.send(HttpRequest.newBuilder(URI.create(server.url() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("the probe stays on HTTP").isEqualTo(200);
        }
    }
}
