package io.verbatim.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one subscription, from the outbox to the receiver: written in the transaction of the change it tells
 * of, sent by whichever node claims it, again after a failure (with back-off) until the receiver answers 2xx or a day
 * has passed. Its message id stays the same on every attempt, so a receiver can drop a message it has had already.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    static final int ANSWER_LENGTH = 500;

    public enum State {
        /** Waiting for its next attempt. */
        PENDING,
        /** Answered with 2xx. */
        DELIVERED,
        /** Every attempt for a day failed. */
        GAVE_UP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id", nullable = false)
    private long subscriptionId;

    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    /** The recording it tells of, if any: its rows go when it is erased. */
    @Column(name = "recording_id")
    private Long recordingId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(nullable = false, length = 16000)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    /** Failed attempts are tried again until this time (a day after the event, or after a replay). */
    @Column(name = "retry_until", nullable = false)
    private Instant retryUntil;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_answer", length = ANSWER_LENGTH)
    private String lastAnswer;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "claimed_by", length = 500)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long subscriptionId, Long recordingId, String messageId, String eventType, String payload, Instant createdAt,
                    Instant retryUntil) {
        this.subscriptionId = subscriptionId;
        this.recordingId = recordingId;
        this.messageId = messageId;
        this.eventType = eventType;
        this.payload = payload;
        this.createdAt = createdAt;
        this.state = State.PENDING;
        this.nextAttemptAt = createdAt;
        this.retryUntil = retryUntil;
    }

    public Long getId() { return id; }
    public long getSubscriptionId() { return subscriptionId; }
    public String getMessageId() { return messageId; }
    public String getEventType() { return eventType; }
    public String getPayload() { return payload; }
    public Instant getCreatedAt() { return createdAt; }
    public State getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getRetryUntil() { return retryUntil; }
    public Instant getLastAttemptAt() { return lastAttemptAt; }
    public Integer getLastStatus() { return lastStatus; }
    public String getLastAnswer() { return lastAnswer; }
    public Instant getDeliveredAt() { return deliveredAt; }
    String getClaimedBy() { return claimedBy; }

    void claim(String node, Instant until) {
        claimedBy = node;
        claimedUntil = until;
    }

    /** The receiver answered 2xx. */
    void delivered(int status, String answer, Instant at) {
        attempted(status, answer, at);
        state = State.DELIVERED;
        deliveredAt = at;
        nextAttemptAt = null;
    }

    /** The attempt failed (a status other than 2xx, or none: {@code status} null); tried again at {@code next}, or given up (null). */
    void failed(Integer status, String answer, Instant at, Instant next) {
        attempted(status, answer, at);
        state = next == null ? State.GAVE_UP : State.PENDING;
        nextAttemptAt = next;
    }

    /** Sent again, as if new (a replay asked for by an administrator): the same message id, tried until {@code until}. */
    void again(Instant at, Instant until) {
        state = State.PENDING;
        retryUntil = until;
        attempts = 0; // its back-off starts again
        nextAttemptAt = at;
        claimedBy = null;
        claimedUntil = null;
    }

    private void attempted(Integer status, String answer, Instant at) {
        attempts++;
        lastStatus = status;
        lastAnswer = answer == null || answer.length() <= ANSWER_LENGTH ? answer : answer.substring(0, ANSWER_LENGTH - 1) + "…";
        lastAttemptAt = at;
        claimedBy = null;
        claimedUntil = null;
    }
}
