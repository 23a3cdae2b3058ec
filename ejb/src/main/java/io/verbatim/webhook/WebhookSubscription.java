package io.verbatim.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a PBX's administrators (or the operator: {@code pbx} null, every PBX's events and the alarms) want events sent.
 * The secret signs every message and is kept encrypted with the master key; it is shown once, when made.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    static final int URL_LENGTH = 2000;
    static final int DESCRIPTION_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String pbx;

    @Column(nullable = false, length = URL_LENGTH)
    private String url;

    /** The event types, by their names, comma-separated. */
    @Column(nullable = false, length = 1000)
    private String events;

    @Column(length = DESCRIPTION_LENGTH)
    private String description;

    /** The secret, encrypted with the master key. */
    @Column(nullable = false, length = 500)
    private String secret;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    /** Since when every attempt has failed (null: the last one succeeded, or none was made). */
    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String pbx, String url, Set<WebhookEvent> events, String description, String encryptedSecret,
                        Instant createdAt, String createdBy) {
        this.pbx = pbx;
        this.url = url;
        this.events = events.stream().map(WebhookEvent::type).sorted().collect(Collectors.joining(","));
        this.description = description;
        this.secret = encryptedSecret;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getUrl() { return url; }
    public String getDescription() { return description; }
    public boolean isEnabled() { return enabled; }
    public String getDisabledReason() { return disabledReason; }
    public Instant getFailingSince() { return failingSince; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }

    String getEncryptedSecret() { return secret; }

    public Set<WebhookEvent> getEvents() {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(events.split(",")).map(WebhookEvent::named).forEach(e -> e.ifPresent(set::add));
        return set;
    }

    /** Whether it subscribed to the event; a disabled one too: what it has not had waits until it is enabled. */
    boolean wants(WebhookEvent event) {
        return getEvents().contains(event);
    }

    /** An attempt was answered with 2xx: the subscription is healthy again. */
    void answered() {
        failingSince = null;
    }

    /** An attempt failed at {@code at}: the first of a run starts the clock that may disable it. */
    void failed(Instant at) {
        if (failingSince == null) {
            failingSince = at;
        }
    }

    void disable(String reason) {
        enabled = false;
        disabledReason = reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }

    void enable() {
        enabled = true;
        disabledReason = null;
        failingSince = null;
    }
}
