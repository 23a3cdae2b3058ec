package io.verbatim.directory;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Back-off for guessing, per source address, over a window of 15 minutes: a name tried from an address is refused for
 * a while after {@value #PER_NAME} failures from there (the account stays open from everywhere else, so a stranger
 * cannot lock anyone out); an address is refused for any name after {@value #PER_ADDRESS} failures over all names,
 * and for the devices' credentials (uploads, WebDAV) after {@value #PER_ADDRESS} failures with them (a right pair does
 * not reset that: the default pair is on many phones). The answer while refused is the same whether the name exists.
 * Kept in the database: every node counts the same. Behind a reverse proxy the address is the proxy's.
 */
@Stateless
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    static final int PER_NAME = 5;
    static final int PER_ADDRESS = 30;
    /** Keys of the rows: a name's own is {@code user:name}, so no name can be taken for these two. */
    static final String ANY_NAME = "*";
    static final String DEVICES = "device:*";

    @PersistenceContext
    EntityManager em;

    @Inject
    ActionLog actionLog;

    /** Until when sign-ins of {@code username} from {@code address} are refused, if they are now. */
    public Optional<Instant> refusedUntil(String username, String address) {
        Instant now = Instant.now();
        return latest(now, find(nameKey(username), address), find(ANY_NAME, address));
    }

    /** Until when the devices' credentials from {@code address} are refused, if they are now. */
    public Optional<Instant> devicesRefusedUntil(String address) {
        return latest(Instant.now(), find(DEVICES, address));
    }

    /** Counts a failed sign-in of {@code username} from {@code address}; committed even when the request's work is not. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String username, String address) {
        Instant now = Instant.now();
        count(nameKey(username), address, PER_NAME, now);
        SignInFailure any = count(ANY_NAME, address, PER_ADDRESS, now);
        if (any.lockedAt(now) && any.failures() == PER_ADDRESS) {
            LOG.warning("Sign-ins from " + address + " refused until " + any.lockedUntil() + ": " + any.failures()
                    + " failures in a row over several names");
        }
    }

    /** Counts and logs a refused device credential (upload or WebDAV) of {@code user} for {@code pbx} from {@code address}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deviceFailed(String address, String pbx, String user) {
        SignInFailure f = count(DEVICES, address, PER_ADDRESS, Instant.now());
        LOG.warning("Device credentials " + (user == null ? "(none)" : "of '" + user + "'") + " for " + pbx + " refused from " + address
                + " (" + f.failures() + " in a row" + (f.lockedAt(Instant.now()) ? "; the address is refused until " + f.lockedUntil() : "") + ")");
        actionLog.recordAs("device:" + (user == null ? "" : user), pbx, Action.FAILED_LOGIN, Outcome.DENIED,
                "device credentials refused from " + address);
    }


    /** A sign-in succeeded: the name's failures from that address are forgotten. */
    public void succeeded(String username, String address) {
        em.createQuery("delete from SignInFailure f where f.key.username = :name and f.key.address = :address")
                .setParameter("name", nameKey(username)).setParameter("address", address).executeUpdate();
    }

    /** An administrator lifted a user's refusals (all addresses). */
    public void lift(String username) {
        em.createQuery("delete from SignInFailure f where f.key.username = :name").setParameter("name", nameKey(username)).executeUpdate();
    }

    private static String nameKey(String username) {
        String key = "user:" + username;
        return key.length() > 255 ? key.substring(0, 255) : key;
    }

    private SignInFailure count(String username, String address, int allowed, Instant now) {
        SignInFailure.Key key = new SignInFailure.Key(username, address);
        SignInFailure f = em.find(SignInFailure.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            f = new SignInFailure(username, address);
            f.failed(now, allowed);
            em.persist(f);
            return f;
        }
        f.failed(now, allowed);
        return f;
    }

    private SignInFailure find(String username, String address) {
        return em.find(SignInFailure.class, new SignInFailure.Key(username, address));
    }

    private static Optional<Instant> latest(Instant now, SignInFailure... rows) {
        Instant until = null;
        for (SignInFailure f : rows) {
            if (f != null && f.lockedAt(now) && (until == null || f.lockedUntil().isAfter(until))) {
                until = f.lockedUntil();
            }
        }
        return Optional.ofNullable(until);
    }
}
