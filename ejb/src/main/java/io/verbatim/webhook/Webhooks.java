package io.verbatim.webhook;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import io.verbatim.crypto.MasterKey;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.settings.InvalidSettingException;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Webhook subscriptions, administered by a PBX's administrators (their PBX's events) and the operator (a PBX's, naming
 * it, or every PBX's and the alarms, naming none): add (the secret is shown once), list, remove, re-enable one the
 * sender disabled, its deliveries, a replay, a test event. Every change is in the PBX's action log.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Webhooks {

    /** The Standard Webhooks prefix of a secret; the rest is the key, base64. */
    static final String SECRET_PREFIX = "whsec_";
    static final String SECRET_PURPOSE = "webhook secret";
    static final int PAGE = 50;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    MasterKey masterKey;

    @Inject
    ActionLog actionLog;

    @Inject
    Event<WebhookHealth> health;

    @Inject
    WebhookTimes times;

    /** A subscription just made, with its secret: the only time it is shown. */
    public record NewSubscription(WebhookSubscription subscription, String secret) {
    }

    /**
     * Subscribes {@code url} to {@code events} (their names, e.g. {@code recording.ready}).
     *
     * @throws InvalidSettingException when the URL is not http(s), an event is unknown or not the caller's to
     *                                 subscribe to (alarms are the operator's), or none is named
     */
    @RolesAllowed("ADMIN")
    public NewSubscription subscribe(String pbx, String url, List<String> events, String description) {
        String scope = tenants.tenantForNew(pbx); // a PBX's receivers may be set up before its first upload
        String target = checkedUrl(url);
        Set<WebhookEvent> wanted = checkedEvents(events, scope == null);
        String about = description == null || description.isBlank() ? null : description.strip();
        if (about != null && about.length() > WebhookSubscription.DESCRIPTION_LENGTH) {
            throw new InvalidSettingException("description must have at most " + WebhookSubscription.DESCRIPTION_LENGTH + " characters");
        }
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        String secret = SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        WebhookSubscription s = new WebhookSubscription(scope, target, wanted, about, masterKey.encryptSecret(secret, SECRET_PURPOSE),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), caller.name());
        em.persist(s);
        em.flush();
        actionLog.recordAs(caller.name(), scope, Action.SETTING_CHANGE, Outcome.SUCCESS,
                "webhook " + s.getId() + " to " + target + " added (" + types(wanted) + ")");
        return new NewSubscription(s, secret);
    }

    /** The caller's subscriptions: a PBX's administrator, their PBX's; the operator, the PBX named or (none named) their own. */
    @RolesAllowed("ADMIN")
    public List<WebhookSubscription> list(String pbx) {
        return tenants.entriesOf(WebhookSubscription.class, pbx);
    }

    /**
     * One subscription the caller administers.
     *
     * @throws NoSuchEntryException when there is none with that id the caller may administer (another PBX's is not told apart)
     */
    @RolesAllowed("ADMIN")
    public WebhookSubscription get(long id) {
        WebhookSubscription s = em.find(WebhookSubscription.class, id);
        if (s == null || !tenants.administers(s.getPbx())) {
            throw new NoSuchEntryException("webhook " + id);
        }
        return s;
    }

    /** Removes a subscription and what it had still to send. */
    @RolesAllowed("ADMIN")
    public void remove(long id) {
        WebhookSubscription s = get(id);
        em.createQuery("delete from WebhookDelivery d where d.subscriptionId = :id").setParameter("id", id).executeUpdate();
        em.remove(s);
        health.fire(new WebhookHealth(s.getId(), s.getUrl(), s.getPbx(), null));
        actionLog.recordAs(caller.name(), s.getPbx(), Action.SETTING_CHANGE, Outcome.SUCCESS,
                "webhook " + id + " to " + s.getUrl() + " removed");
    }

    /** Enables a subscription the sender disabled (its receiver failed for a day): what waits is sent again. */
    @RolesAllowed("ADMIN")
    public WebhookSubscription enable(long id) {
        WebhookSubscription s = get(id);
        if (!s.isEnabled()) {
            // what waited, and what was given up on since it began to fail, is sent again as if new
            Instant now = Instant.now();
            Instant since = s.getFailingSince() != null ? s.getFailingSince() : now;
            em.createQuery("update WebhookDelivery d set d.state = :pending, d.nextAttemptAt = :now, d.retryUntil = :until,"
                            + " d.attempts = 0, d.claimedBy = null, d.claimedUntil = null where d.subscriptionId = :id"
                            + " and (d.state = :pending or (d.state = :gaveUp and d.lastAttemptAt >= :since))")
                    .setParameter("now", now).setParameter("until", now.plus(times.retryWindow())).setParameter("id", id)
                    .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("gaveUp", WebhookDelivery.State.GAVE_UP)
                    .setParameter("since", since).executeUpdate();
            s.enable();
            health.fire(new WebhookHealth(s.getId(), s.getUrl(), s.getPbx(), null));
            actionLog.recordAs(caller.name(), s.getPbx(), Action.SETTING_CHANGE, Outcome.SUCCESS,
                    "webhook " + id + " to " + s.getUrl() + " enabled again");
        }
        return s;
    }

    /** A subscription's deliveries, newest first, {@value #PAGE} a page; {@code before}: the last id of the page before. */
    @RolesAllowed("ADMIN")
    public List<WebhookDelivery> deliveries(long id, Long before) {
        get(id);
        TypedQuery<WebhookDelivery> page = em.createQuery("select d from WebhookDelivery d where d.subscriptionId = :id"
                        + (before == null ? "" : " and d.id < :before") + " order by d.id desc", WebhookDelivery.class)
                .setParameter("id", id);
        if (before != null) {
            page.setParameter("before", before);
        }
        return page.setMaxResults(PAGE).getResultList().stream().toList();
    }

    /** Sends a delivery again (the same message id), whatever became of it; tried again for a day. */
    @RolesAllowed("ADMIN")
    public WebhookDelivery replay(long id, long deliveryId) {
        get(id);
        WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
        if (d == null || d.getSubscriptionId() != id) {
            throw new NoSuchEntryException("delivery " + deliveryId + " of webhook " + id);
        }
        Instant now = Instant.now();
        d.again(now, now.plus(times.retryWindow()));
        return d;
    }

    /** Queues a test event ({@code webhook.test}) for the subscription, whatever it subscribed to. */
    @RolesAllowed("ADMIN")
    public WebhookDelivery sendTest(long id) {
        WebhookSubscription s = get(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WebhookDelivery d = new WebhookDelivery(s.getId(), null, messageId(), WebhookEvent.TEST.type(),
                WebhookPayloads.test(s.getId(), caller.name(), now), now, now.plus(times.retryWindow()));
        em.persist(d);
        return d;
    }

    /** The Standard Webhooks message id: one per event and subscription, the same on every attempt. */
    static String messageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidSettingException("url is required");
        }
        String given = url.strip();
        if (given.length() > WebhookSubscription.URL_LENGTH) {
            throw new InvalidSettingException("url must have at most " + WebhookSubscription.URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(given);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSettingException("url must be an http:// or https:// address with a host, not " + given);
            }
            if (uri.getUserInfo() != null) {
                throw new InvalidSettingException("url must not carry a user and password: receivers check the signature");
            }
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("url is not an address: " + e.getMessage());
        }
        return given;
    }

    private static Set<WebhookEvent> checkedEvents(List<String> events, boolean operator) {
        if (events == null || events.isEmpty()) {
            throw new InvalidSettingException("events is required: one or more of " + types(EnumSet.complementOf(EnumSet.of(WebhookEvent.TEST))));
        }
        Set<WebhookEvent> wanted = EnumSet.noneOf(WebhookEvent.class);
        for (String name : events) {
            WebhookEvent event = WebhookEvent.named(name == null ? "" : name.strip()).orElseThrow(() -> new InvalidSettingException(
                    "events: unknown event " + name + "; known: " + types(EnumSet.complementOf(EnumSet.of(WebhookEvent.TEST)))));
            if (!operator && !event.forPbx()) {
                throw new InvalidSettingException("events: " + name + " is the operator's (alarms concern the whole deployment)");
            }
            wanted.add(event);
        }
        return wanted;
    }

    private static String types(Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::type).collect(Collectors.joining(", "));
    }
}
