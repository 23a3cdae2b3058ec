package io.verbatim.directory;

import io.verbatim.storage.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On first start (no accounts yet) creates the administrator: from {@code VERBATIM_ADMIN_USER} /
 * {@code VERBATIM_ADMIN_PASSWORD} when set, otherwise "admin" with a random password. That password is never logged
 * (logs travel to other systems): it is written to {@value #PASSWORD_FILE} in the data folder, readable by the
 * server's user only, which the Run command shows once on the console and then removes.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    /** The file in the data folder the run script shows once and removes. */
    public static final String PASSWORD_FILE = "first-administrator-password";

    @Inject
    Directory directory;

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "verbatim.admin.user", defaultValue = "admin")
    String username;

    /** Optional: MicroProfile Config treats an empty default as "missing" and would fail the deployment. */
    @Inject
    @ConfigProperty(name = "verbatim.admin.password")
    Optional<String> password;

    @PostConstruct
    void createWhenNoneExists() {
        if (directory.count() > 0) {
            return;
        }
        Optional<String> chosen = password.filter(p -> !p.isBlank());
        String secret = chosen.orElseGet(FirstAdministrator::randomPassword);
        directory.create(username, "Administrator", secret.toCharArray(), Role.ADMIN);
        if (chosen.isEmpty()) {
            Path file = data.root().resolve(PASSWORD_FILE);
            try {
                Files.deleteIfExists(file);
                Files.createFile(file);
                DataDirectory.ownerOnly(file);
                Files.writeString(file, secret + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the first administrator's password to " + file, e);
            }
            LOG.warning("Generated a password for the first administrator '" + username + "': in " + file
                    + ", readable by this server's user only (the Run command shows it once and removes it;"
                    + " set VERBATIM_ADMIN_PASSWORD to choose it)");
        } else {
            LOG.info("Created the first administrator '" + username + "' from VERBATIM_ADMIN_USER/PASSWORD");
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
