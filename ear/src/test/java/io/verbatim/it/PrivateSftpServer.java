package io.verbatim.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server on a local port (Apache MINA SSHD), for what Verbatim exports: one user who signs in with a key
 * pair the test makes (its private key in OpenSSH format, as an administrator pastes one) or a password; its files
 * under a temporary folder the test reads.
 */
final class PrivateSftpServer implements AutoCloseable {

    static final String USER = "archive";
    static final String PASSWORD = "sftp-archive-password";

    private final Path root;
    private final KeyPair userKey;
    private final SimpleGeneratorHostKeyProvider hostKeys;
    private final String hostKey;
    private SshServer server;
    private int port;

    private PrivateSftpServer(Path root, KeyPair userKey, SimpleGeneratorHostKeyProvider hostKeys) throws Exception {
        this.root = root;
        this.userKey = userKey;
        this.hostKeys = hostKeys;
        this.server = serve(0);
        this.hostKey = PublicKeyEntry.toString(hostKeys.loadKeys(null).iterator().next().getPublic());
    }

    static PrivateSftpServer start() throws Exception {
        Path root = Files.createTempDirectory("verbatim-sftp-");
        Files.createDirectories(root.resolve("files"));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return new PrivateSftpServer(root, ec.generateKeyPair(), new SimpleGeneratorHostKeyProvider(root.resolve("host-key.ser")));
    }

    /** A server on {@code port} (0: any free one) with this one's host key, user and files. */
    private SshServer serve(int port) throws Exception {
        SshServer made = SshServer.setUpDefaultServer();
        made.setHost("127.0.0.1");
        made.setPort(port);
        made.setKeyPairProvider(hostKeys);
        made.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, userKey.getPublic()));
        made.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        made.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
        made.setFileSystemFactory(new VirtualFileSystemFactory(root.resolve("files")));
        made.start();
        return made;
    }

    int port() {
        return server.getPort();
    }

    /** Gone: connections refused until {@link #startAgain}. */
    void stop() throws Exception {
        port = server.getPort();
        server.stop(true);
    }

    /** Back on the same port, with the same host key. */
    void startAgain() throws Exception {
        server = serve(port);
    }

    /** The server's public key as known_hosts holds it ({@code ecdsa-sha2-nistp256 AAAA…}). */
    String hostKey() {
        return hostKey;
    }

    /** Some other server's key, as known_hosts would hold it: what a man in the middle would show. */
    static String anotherHostKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return PublicKeyEntry.toString(ec.generateKeyPair().getPublic());
    }

    /** The user's private key, in OpenSSH format. */
    String privateKey() throws Exception {
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "verbatim-export", null, pem);
        return pem.toString(StandardCharsets.US_ASCII);
    }

    /** The user's folder (what the server shows as /), as files. */
    Path files() {
        return root.resolve("files");
    }

    @Override
    public void close() throws Exception {
        server.stop(true);
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
