package io.verbatim.delivery;

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
 * One recording to mail to one user by a rule: the outbox's row, written with the change that made the recording READY,
 * and then the delivery log's (how it went). Sent by whichever node claims it first.
 */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery {

    static final int OUTCOME_LENGTH = 1000;

    public enum State {
        /** Waiting for its (next) attempt. */
        PENDING,
        /** The SMTP server took it. */
        SENT,
        /** Not sent, and never will be: why is the outcome (the recipient may not hear it, has no address, a day of failures). */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rule_id", nullable = false)
    private long ruleId;

    @Column(name = "recording_id", nullable = false)
    private long recordingId;

    /** The user it is for (mailed at the address they have when it is sent). */
    @Column(nullable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(length = OUTCOME_LENGTH)
    private String outcome;

    protected MailDelivery() {
    }

    MailDelivery(long ruleId, long recordingId, String recipient, Instant now) {
        this.ruleId = ruleId;
        this.recordingId = recordingId;
        this.recipient = recipient;
        this.state = State.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void claim(String node, Instant until) {
        claimedBy = node;
        claimedUntil = until;
    }

    void sent(String how, Instant at) {
        attempts++;
        state = State.SENT;
        settle(how, at);
    }

    /** A failed attempt: tried again at {@code next}, or given up when there is none. */
    void failed(String why, Instant at, Instant next) {
        attempts++;
        if (next == null) {
            state = State.FAILED;
            settle(why, at);
        } else {
            nextAttemptAt = next;
            outcome = shortened(why);
            claimedBy = null;
            claimedUntil = null;
        }
    }

    /** Not to be sent, without an attempt (the recipient may not hear it, or has no address). */
    void refused(String why, Instant at) {
        state = State.FAILED;
        settle(why, at);
    }

    private void settle(String text, Instant at) {
        outcome = shortened(text);
        settledAt = at;
        claimedBy = null;
        claimedUntil = null;
    }

    private static String shortened(String text) {
        return text.length() <= OUTCOME_LENGTH ? text : text.substring(0, OUTCOME_LENGTH - 1) + "…";
    }

    public Long getId() { return id; }
    public long getRuleId() { return ruleId; }
    public long getRecordingId() { return recordingId; }
    public String getRecipient() { return recipient; }
    public State getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getClaimedBy() { return claimedBy; }
    public Instant getSettledAt() { return settledAt; }
    public String getOutcome() { return outcome; }
}
