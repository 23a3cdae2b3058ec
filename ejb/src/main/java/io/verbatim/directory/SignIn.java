package io.verbatim.directory;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import io.verbatim.crypto.PasswordHash;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Signing in: checking what people say about themselves (with the throttle against guessing), the sign-in written to
 * the action log, and the fingerprint that ends a browser session when its account changes.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    /**
     * Checked when the name is unknown, so that an unknown name costs the same as a wrong password. Of a random password
     * nobody knows: one written here could be sent, matched once and then remembered ({@link PasswordHash}), and an
     * unknown name would answer at once where a real one takes the slow hash.
     */
    private static final String DUMMY_HASH = PasswordHash.of(UUID.randomUUID().toString().toCharArray());

    @Inject
    Directory directory;

    @Inject
    ActionLog actionLog;

    @Inject
    Caller caller;

    @Inject
    SignInThrottle throttle;

    /**
     * The active account whose password matches, if any (never says which of the two was wrong). Failures are
     * counted per name and address ({@link SignInThrottle}): after a few in a row that address is refused for that
     * name for a while, even the right password, whether the name exists or not; from elsewhere the account works.
     */
    public Optional<UserAccount> authenticate(String username, char[] password) {
        String address = caller.address();
        Optional<UserAccount> account = directory.findByUsername(username).filter(UserAccount::isActive);
        String pbx = account.map(UserAccount::getPbx).orElse(null);
        Optional<Instant> refused = throttle.refusedUntil(username, address);
        if (refused.isPresent()) { // the same answer for any name: no hash to compute (a refused burst costs no CPU)
            actionLog.recordAs(username, pbx, Action.FAILED_LOGIN, Outcome.DENIED, "refused from " + address + " until " + refused.get()
                    + " after repeated failures");
            return Optional.empty();
        }
        boolean matches = PasswordHash.matches(password, account.map(UserAccount::getPasswordHash).orElse(DUMMY_HASH)); // same work either way
        if (account.isEmpty() || !matches) {
            failed(username, address);
            actionLog.recordAs(username, pbx, Action.FAILED_LOGIN, Outcome.DENIED, account.isEmpty() ? "no such active user" : "wrong password");
            return Optional.empty();
        }
        throttle.succeeded(username, address);
        return account;
    }

    private void failed(String username, String address) {
        try {
            throttle.failed(username, address);
        } catch (RuntimeException e) { // two failures counted at once: one is enough to slow the guesser
            LOG.fine(() -> "A failed sign-in of " + username + " from " + address + " was not counted: " + e);
        }
    }

    /** A person signed in to the pages (API calls authenticate on each request and are logged by what they do). */
    public void signedIn(String username) {
        directory.findByUsername(username).ifPresent(u -> actionLog.recordAs(username, u.getPbx(), Action.LOGIN, Outcome.SUCCESS, "signed in to the pages"));
    }

    /**
     * What a browser session was granted on, as a fingerprint of the account's role, PBX and password: a session
     * whose fingerprint no longer matches ends (deactivated, role or PBX changed, new password), on every node, as
     * each request reads it from the database. Empty for an account that is gone or inactive.
     */
    public Optional<String> sessionStamp(String username) {
        return directory.findByUsername(username).filter(UserAccount::isActive).map(u -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] digest = sha.digest((u.getRole() + "\n" + u.getPbx() + "\n" + u.getPasswordHash()).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java", e);
            }
        });
    }

    /** Until when sign-ins of {@code username} from the caller's address are refused after repeated failures, if they are now. */
    public Optional<Instant> lockedUntil(String username) {
        return throttle.refusedUntil(username, caller.address());
    }
}
