package io.verbatim.directory;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On first start (no accounts yet) creates the administrator: from {@code VERBATIM_ADMIN_USER} /
 * {@code VERBATIM_ADMIN_PASSWORD} when set, otherwise "admin" with a random password that is logged once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    /** The run script looks for this text to show the password to whoever started the server. */
    public static final String GENERATED_PASSWORD_LOG = "Generated password for the first administrator";

    @Inject
    Directory directory;

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
            LOG.warning(GENERATED_PASSWORD_LOG + " '" + username + "': " + secret
                    + " (shown once; set VERBATIM_ADMIN_PASSWORD to choose it)");
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
