package io.verbatim.webhook;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.crypto.MasterKey;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The sender's steps, each committed on its own: claiming due deliveries for this node (other nodes skip the rows it
 * locks, and take over a claim whose node died once it has run out), and storing each attempt's outcome, only while
 * the row is still this node's claim. A subscription is disabled when a delivery of it has failed for the whole retry
 * window, or when every attempt to it has failed for that long; what it has not had waits for it.
 */
@Stateless
@PermitAll
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());

    /** How long a claim keeps the rows this node's: longer than a batch can take (all sent at once, each timed out). */
    static final Duration CLAIM = Duration.ofSeconds(120);
    /** Hibernate's lock timeout value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookTimes times;

    @Inject
    MasterKey masterKey;

    @Inject
    ActionLog actionLog;

    @Inject
    Event<WebhookHealth> health;

    /** A claimed delivery with what sending it needs. */
    record Claimed(long id, String messageId, String payload, String url, String secret) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claim(String node, int max) {
        Instant now = Instant.now();
        List<WebhookDelivery> due = em.createQuery("select d from WebhookDelivery d where d.state = :pending and d.nextAttemptAt <= :now"
                                + " and (d.claimedUntil is null or d.claimedUntil < :now)"
                                + " and (d.eventType = :test or exists (select s.id from WebhookSubscription s"
                                + " where s.id = d.subscriptionId and s.enabled = true))"
                                + " order by d.nextAttemptAt, d.id", WebhookDelivery.class)
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", now)
                .setParameter("test", WebhookEvent.TEST.type()).setMaxResults(max).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (WebhookDelivery d : due) {
            WebhookSubscription s = em.find(WebhookSubscription.class, d.getSubscriptionId());
            String secret;
            try {
                secret = masterKey.decryptSecret(s.getEncryptedSecret(), Webhooks.SECRET_PURPOSE);
            } catch (IllegalStateException e) { // another master key than the one it was made with: this row alone fails
                failedAttempt(d, s, null, e.getMessage(), now);
                continue;
            }
            d.claim(node, now.plus(CLAIM));
            claimed.add(new Claimed(d.getId(), d.getMessageId(), d.getPayload(), s.getUrl(), secret));
        }
        return claimed;
    }

    /** Forgets settled deliveries (delivered or given up) written before {@code before}: the delivery log keeps 30 days. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetSettledBefore(Instant before) {
        return em.createQuery("delete from WebhookDelivery d where d.state <> :pending and d.createdAt < :before")
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("before", before).executeUpdate();
    }

    /** Gives up this node's claims: made before it was restarted, their attempts died with it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseClaimsOf(String node) {
        return em.createQuery("update WebhookDelivery d set d.claimedBy = null, d.claimedUntil = null where d.claimedBy = :node")
                .setParameter("node", node).executeUpdate();
    }

    /** How one attempt ended: the receiver's status and the start of its answer, or (status null) why there was none. */
    record AttemptEnd(long id, Integer status, String answer) {
    }

    /** A batch's outcomes, stored in one transaction ({@link #answered} and {@link #failed} for each). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void store(String node, List<AttemptEnd> outcomes) {
        for (AttemptEnd o : outcomes) {
            if (o.status() == null) {
                failed(node, o.id(), null, o.answer());
            } else {
                answered(node, o.id(), o.status(), o.answer());
            }
        }
    }

    /** The receiver answered: 2xx delivers it, anything else is a failed attempt ({@link #failed}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void answered(String node, long id, int status, String answer) {
        if (status / 100 != 2) {
            failed(node, id, status, "HTTP " + status + (answer == null || answer.isBlank() ? "" : ": " + answer.strip()));
            return;
        }
        WebhookDelivery d = stillClaimed(node, id);
        if (d == null) {
            return;
        }
        d.delivered(status, answer == null ? null : answer.strip(), Instant.now());
        WebhookSubscription s = em.find(WebhookSubscription.class, d.getSubscriptionId());
        if (s != null) {
            s.answered();
        }
    }

    /** No answer, or not 2xx: tried again after the back-off, or given up once the retry window has passed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String node, long id, Integer status, String why) {
        WebhookDelivery d = stillClaimed(node, id);
        if (d != null) {
            failedAttempt(d, em.find(WebhookSubscription.class, d.getSubscriptionId()), status, why, Instant.now());
        }
    }

    /** The row, while it is still this node's to finish (not sent meanwhile by another, replayed or removed); else null. */
    private WebhookDelivery stillClaimed(String node, long id) {
        WebhookDelivery d = em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        return d != null && d.getState() == WebhookDelivery.State.PENDING && node.equals(d.getClaimedBy()) ? d : null;
    }

    private void failedAttempt(WebhookDelivery d, WebhookSubscription s, Integer status, String why, Instant now) {
        // the last attempt is made at the window's end, not one back-off before it
        Instant next = now.isBefore(d.getRetryUntil()) ? min(now.plus(times.waitAfter(d.getAttempts() + 1)), d.getRetryUntil()) : null;
        d.failed(status, why, now, next);
        if (s == null || !s.isEnabled()) {
            return; // a test of a disabled one tells only its sender
        }
        s.failed(now);
        // failing for the window: every attempt since then failed, or since about this event's first (its last attempt
        // is made at the window's end, its first up to a claim's round after it was written)
        Instant windowStart = d.getRetryUntil().minus(times.retryWindow());
        boolean failingForTheWindow = !s.getFailingSince().plus(times.retryWindow()).isAfter(now)
                || (next == null && !s.getFailingSince().isAfter(windowStart.plus(Duration.ofMinutes(1))));
        if (failingForTheWindow) {
            String reason = "every attempt since " + s.getFailingSince() + " failed; the last: " + why;
            s.disable(reason);
            reason = s.getDisabledReason(); // cut to what is kept
            LOG.warning("Webhook " + s.getId() + " to " + s.getUrl() + " disabled: " + reason);
            actionLog.recordAs(ActionLog.SERVER, s.getPbx(), Action.SETTING_CHANGE, Outcome.SUCCESS,
                    "webhook " + s.getId() + " to " + s.getUrl() + " disabled: " + reason);
            health.fire(new WebhookHealth(s.getId(), s.getUrl(), s.getPbx(), reason));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
