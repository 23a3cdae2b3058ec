package io.verbatim.recording;

import io.verbatim.audit.LoggedRecording;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.media.OutputFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One recorded call: its original capture, what we know about it, and its audio once converted. */
@Entity
@Table(name = "recording")
public class Recording implements LoggedRecording {

    /** Longest failure reason kept; longer ones are cut (the full text is in the server log). */
    public static final int REASON_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String pbx;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "call_id", length = 64)
    private String callId;

    @Column(length = 64)
    private String device;

    @Column(length = 32)
    private String serial;

    @Column(length = 255)
    private String owner;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "duration_seconds")
    private Double durationSeconds;

    @Column(length = 100)
    private String codec;

    @Column(name = "original_key", nullable = false, length = 120)
    private String originalKey;

    @Column(name = "original_size", nullable = false)
    private long originalSize;

    @Column(name = "original_sha256", nullable = false, length = 64)
    private String originalSha256;

    @Column(name = "audio_key", length = 120)
    private String audioKey;

    @Column(name = "audio_size")
    private Long audioSize;

    /** The audio's SHA-256 (hex), whatever its stored form (plain or encrypted). */
    @Column(name = "audio_sha256", length = 64)
    private String audioSha256;

    /** As {@code io.verbatim.media.OutputFormat} prints it, e.g. "wav" or "mp3-32-mono". */
    @Column(name = "audio_format", length = 32)
    private String audioFormat;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RecordingState state;

    @Column(name = "failure_reason", length = REASON_LENGTH)
    private String failureReason;

    @Column(name = "conversion_notes", length = REASON_LENGTH)
    private String conversionNotes;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "conversion_attempts", nullable = false)
    private int conversionAttempts;

    /** The user the capture's name gives: a phone's user, or a trunk or gateway whose calls the owner rules assign. */
    @Column(name = "capture_user", length = 255)
    private String captureUser;

    /**
     * What the PBX says about the call, once its record has come (matched by PBX and call id, in either order);
     * loaded with the recording, as views are built after the transaction.
     */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumns({
            @JoinColumn(name = "pbx", referencedColumnName = "pbx", insertable = false, updatable = false),
            @JoinColumn(name = "call_id", referencedColumnName = "call_id", insertable = false, updatable = false)})
    private CallRecord callRecord;

    /** The start, or the arrival while the start is unknown: what lists sort by; the database keeps it (V28). */
    @Column(name = "sort_time", insertable = false, updatable = false)
    private Instant sortTime;

    /**
     * Every text the recording is found by (file name, owner, call id, the parties' names, its notes), lower case, and
     * the parties' numbers as digits: PostgreSQL keeps both (V30) for its indexes (V30, V31); only searches read them.
     */
    @Column(name = "search_text", insertable = false, updatable = false)
    private String searchText;

    @Column(name = "search_digits", insertable = false, updatable = false)
    private String searchDigits;

    /** The owner's choice: visible to them and administrators only. */
    @Column(name = "only_me", nullable = false)
    private boolean onlyMe;

    /** Protected against deletion and retention since then (innovaphone: "permanent"); null when not. */
    @Column(name = "protected_at")
    private Instant protectedAt;

    @Column(name = "protected_by", length = 255)
    private String protectedBy;

    /** In the recycle bin since then; null when not. */
    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by", length = 255)
    private String deletedBy;

    /** Ed25519 signature (base64) over {@code io.verbatim.seal.SealedContent}; null when not sealed. */
    @Column(name = "seal_signature", length = 128)
    private String sealSignature;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    @Version
    private long version;

    protected Recording() {
    }

    public Recording(String pbx, String fileName, String callId, String device, String serial, String owner,
                     Instant receivedAt, String originalKey, long originalSize, String originalSha256) {
        this.pbx = pbx;
        this.fileName = fileName;
        this.callId = callId;
        this.device = device;
        this.serial = serial;
        this.owner = owner;
        this.captureUser = owner;
        this.receivedAt = receivedAt;
        this.originalKey = originalKey;
        this.originalSize = originalSize;
        this.originalSha256 = originalSha256;
        this.state = RecordingState.RECEIVED;
    }

    /** A conversion run on {@code node} takes this recording; only a RECEIVED one can be taken. */
    public void claim(String node, Instant at) {
        if (state != RecordingState.RECEIVED) {
            throw new IllegalStateException("recording " + id + " is " + state + ", not RECEIVED");
        }
        state = RecordingState.CONVERTING;
        claimedBy = node;
        claimedAt = at;
        conversionAttempts++;
    }

    /** Gives an abandoned claim (its node died mid-conversion) back to the queue. */
    public void release() {
        if (state == RecordingState.CONVERTING) {
            state = RecordingState.RECEIVED;
            claimedBy = null;
            claimedAt = null;
        }
    }

    /** Back to the queue without counting the attempt: the server, not the capture, could not go on (a full disk). */
    public void postpone() {
        if (state == RecordingState.CONVERTING) {
            release();
            conversionAttempts--;
        }
    }

    public void converted(String audioKey, long audioSize, String audioSha256, String audioFormat, Instant startedAt,
                          double durationSeconds, String codec, String notes) {
        this.state = RecordingState.READY;
        this.audioKey = audioKey;
        this.audioSha256 = audioSha256;
        this.audioSize = audioSize;
        this.audioFormat = audioFormat;
        this.startedAt = startedAt;
        this.durationSeconds = durationSeconds;
        this.codec = codec;
        this.conversionNotes = cut(notes);
        this.failureReason = null;
    }

    public void failed(String reason) {
        this.state = RecordingState.FAILED;
        this.failureReason = cut(reason);
    }

    private static String cut(String text) {
        return text == null || text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH - 1) + "…";
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getFileName() { return fileName; }
    public String getCallId() { return callId; }
    public String getDevice() { return device; }
    public String getSerial() { return serial; }
    public String getOwner() { return owner; }
    public boolean isOnlyMe() { return onlyMe; }
    public String getCaptureUser() { return captureUser; }
    public CallRecord getCallRecord() { return callRecord; }

    void markOnlyMe(boolean onlyMe) {
        this.onlyMe = onlyMe;
    }

    /** The owner rules (or an administrator) decided whose recording this is. */
    public void assignOwner(String owner) {
        this.owner = owner;
    }
    public void protect(String by, Instant at) {
        protectedAt = at;
        protectedBy = by;
    }

    public void unprotect() {
        protectedAt = null;
        protectedBy = null;
    }

    public boolean isProtected() { return protectedAt != null; }
    public Instant getProtectedAt() { return protectedAt; }
    public String getProtectedBy() { return protectedBy; }

    public void moveToRecycleBin(String by, Instant at) {
        deletedAt = at;
        deletedBy = by;
    }

    public void restore() {
        deletedAt = null;
        deletedBy = null;
    }

    public boolean isInRecycleBin() { return deletedAt != null; }
    public Instant getDeletedAt() { return deletedAt; }
    public String getDeletedBy() { return deletedBy; }

    public void seal(String signature, Instant at) {
        sealSignature = signature;
        sealedAt = at;
    }

    public String getSealSignature() { return sealSignature; }
    public Instant getSealedAt() { return sealedAt; }

    public Instant getReceivedAt() { return receivedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Double getDurationSeconds() { return durationSeconds; }
    public String getCodec() { return codec; }
    public String getOriginalKey() { return originalKey; }
    public long getOriginalSize() { return originalSize; }
    public String getOriginalSha256() { return originalSha256; }
    public String getAudioKey() { return audioKey; }
    public Long getAudioSize() { return audioSize; }
    public String getAudioSha256() { return audioSha256; }
    public String getAudioFormat() { return audioFormat; }

    /**
     * When the call began, as well as it is known: the capture's first packet, else the call record's start, else the
     * upload's arrival. File names and mails date a recording by it.
     */
    public Instant callStart() {
        if (startedAt != null) {
            return startedAt;
        }
        if (callRecord != null && callRecord.getStart() != null) {
            return callRecord.getStart();
        }
        return receivedAt != null ? receivedAt : Instant.EPOCH;
    }

    /** How its audio was written (recordings converted before the format was kept with them: stereo WAV). */
    public OutputFormat audioOutputFormat() {
        return audioFormat == null ? OutputFormat.STEREO_WAV : OutputFormat.parse(audioFormat);
    }
    public RecordingState getState() { return state; }
    public String getFailureReason() { return failureReason; }
    public String getConversionNotes() { return conversionNotes; }
    public String getClaimedBy() { return claimedBy; }
    public Instant getClaimedAt() { return claimedAt; }
    /** Claims so far, this one included: more than one means earlier conversions never finished. */
    public int getConversionAttempts() { return conversionAttempts; }
}
