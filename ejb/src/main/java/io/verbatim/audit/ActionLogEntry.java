package io.verbatim.audit;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the action log: who did what, when, from where, to which recording, and how it ended. Its hash covers
 * every field and the previous entry's hash, so changing or removing any entry breaks the chain from there on.
 * Entries are never changed once written (no setters).
 */
@Entity
@Table(name = "action_log_entry")
public class ActionLogEntry implements Serializable {

    public static final int DETAIL_LENGTH = 1000;
    /**
     * The chain of what is not one PBX's (the operator's own actions), which also holds every entry written before
     * the log was chained per PBX.
     */
    public static final String DEPLOYMENT_CHAIN = "";
    static final int NAME_LENGTH = 255;
    static final int ORIGIN_LENGTH = 100;

    /** The order of all entries, across chains: what lists sort by. */
    @Id
    @Column(name = "position")
    private long sequenceNumber;

    /** Whose chain the entry is in: its PBX's, or {@link #DEPLOYMENT_CHAIN}. */
    @Column(nullable = false, length = 100)
    private String chain;

    /** The entry's place in its chain, from 1 without gaps. */
    @Column(name = "chain_position", nullable = false)
    private long position;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = NAME_LENGTH)
    private String actor;

    @Column(nullable = false, length = ORIGIN_LENGTH)
    private String origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(length = 100)
    private String pbx;

    @Column(name = "recording_id")
    private Long recordingId;

    @Column(length = DETAIL_LENGTH)
    private String detail;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, length = 64)
    private String entryHash;

    protected ActionLogEntry() {
    }

    /** {@code occurredAt} must already be as precise as the database keeps it (milliseconds), or the hash would not survive a round trip. */
    ActionLogEntry(long sequenceNumber, String chain, long position, Instant occurredAt, String actor, String origin, Action action, Outcome outcome,
                   String pbx, Long recordingId, String detail, String previousHash) {
        this.sequenceNumber = sequenceNumber;
        this.chain = chain;
        this.position = position;
        this.occurredAt = occurredAt;
        this.actor = cut(actor, NAME_LENGTH);
        this.origin = cut(origin, ORIGIN_LENGTH);
        this.action = action;
        this.outcome = outcome;
        this.pbx = pbx;
        this.recordingId = recordingId;
        this.detail = cut(detail, DETAIL_LENGTH);
        this.previousHash = previousHash;
        this.entryHash = computeHash();
    }

    /**
     * SHA-256 (hex) over every field and the previous hash. Each field is written as its length, a colon and its
     * text (null as a lone dash), so no two different entries can give the same input. A PBX's chain is hashed too
     * (the deployment's is not, as entries were hashed before there were chains).
     */
    public String computeHash() {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(position));
        field(canonical, occurredAt.toString());
        field(canonical, actor);
        field(canonical, origin);
        field(canonical, action.name());
        field(canonical, outcome.name());
        field(canonical, pbx);
        field(canonical, recordingId == null ? null : recordingId.toString());
        field(canonical, detail);
        field(canonical, previousHash);
        if (!DEPLOYMENT_CHAIN.equals(chain)) {
            field(canonical, chain);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-;");
        } else {
            out.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    public long getSequenceNumber() { return sequenceNumber; }
    /** The PBX whose chain holds the entry; null for the deployment's. */
    public String getChain() { return DEPLOYMENT_CHAIN.equals(chain) ? null : chain; }
    public long getPosition() { return position; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getOrigin() { return origin; }
    public Action getAction() { return action; }
    public Outcome getOutcome() { return outcome; }
    public String getPbx() { return pbx; }
    public Long getRecordingId() { return recordingId; }
    public String getDetail() { return detail; }
    public String getPreviousHash() { return previousHash; }
    public String getEntryHash() { return entryHash; }
}
