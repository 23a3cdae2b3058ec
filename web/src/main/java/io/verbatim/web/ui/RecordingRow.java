package io.verbatim.web.ui;

import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.Direction;
import io.verbatim.directory.Directory;
import io.verbatim.recording.CallLength;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingState;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A recording as the pages show it, read once as a page of a table (or a dialog) is loaded: the pages bind these,
 * never the catalog's entities, as the API answers with its own view. Who called whom comes from the call record,
 * the owner as people know them, the notes as a count.
 */
public final class RecordingRow implements Serializable {

    /**
     * What a table knows besides the recordings: the display names of their owners, how many notes each has, and who
     * holds a recorder licence (null: not asked, nobody is flagged).
     */
    record Extras(Map<String, Directory.DisplayName> ownerNames, Map<Long, Long> noteCounts, Set<String> licensed) {
        static final Extras NONE = new Extras(Map.of(), Map.of(), null);
    }

    private final long id;
    private final String pbx;
    private final String fileName;
    private final String callId;
    private final String device;
    private final String captureUser;
    private final String owner;
    private final String ownerName;
    private final boolean ownerLicensed;
    private final boolean onlyMe;
    private final boolean isProtected;
    private final String protectedBy;
    private final Instant deletedAt;
    private final String deletedBy;
    private final Instant sealedAt;
    private final RecordingState state;
    private final String failureReason;
    private final String codec;
    private final Instant receivedAt;
    private final Instant startedAt;
    private final Double durationSeconds;
    private final boolean callInformation;
    private final String from;
    private final String to;
    private final Direction direction;
    private final long notes;

    private RecordingRow(Recording r, Extras extras) {
        id = r.getId();
        pbx = r.getPbx();
        fileName = r.getFileName();
        callId = r.getCallId();
        device = r.getDevice();
        captureUser = r.getCaptureUser();
        owner = r.getOwner();
        Directory.DisplayName known = owner == null ? null : extras.ownerNames().get(owner);
        ownerName = owner == null ? "—" : known != null && Objects.equals(known.pbx(), pbx) ? known.name() : owner;
        ownerLicensed = extras.licensed() == null || owner != null && extras.licensed().contains(owner);
        onlyMe = r.isOnlyMe();
        isProtected = r.isProtected();
        protectedBy = r.getProtectedBy();
        deletedAt = r.getDeletedAt();
        deletedBy = r.getDeletedBy();
        sealedAt = r.getSealedAt();
        state = r.getState();
        failureReason = r.getFailureReason();
        codec = r.getCodec();
        receivedAt = r.getReceivedAt();
        startedAt = r.getStartedAt();
        durationSeconds = r.getDurationSeconds();
        CallRecord call = r.getCallRecord();
        callInformation = call != null;
        from = call == null ? "" : call.from().label();
        to = call == null ? "" : call.to().label();
        direction = call == null ? null : call.getDirection();
        notes = extras.noteCounts().getOrDefault(id, 0L);
    }

    static RecordingRow of(Recording r, Extras extras) {
        return new RecordingRow(r, extras);
    }

    static RecordingRow of(Recording r) {
        return new RecordingRow(r, Extras.NONE);
    }

    public long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getFileName() { return fileName; }
    public String getCallId() { return callId; }
    public String getDevice() { return device; }
    /** The extension that recorded, as the capture's name says. */
    public String getCaptureUser() { return captureUser; }
    public String getOwner() { return owner; }
    /** The owner as people know them: the display name, else the username; a dash for nobody. */
    public String getOwnerName() { return ownerName; }
    /** Whether the owner holds a recorder licence; administrators see the recordings of those who do not, flagged. */
    public boolean isOwnerLicensed() { return ownerLicensed; }
    public boolean isOnlyMe() { return onlyMe; }
    public boolean isProtected() { return isProtected; }
    public String getProtectedBy() { return protectedBy; }
    public Instant getDeletedAt() { return deletedAt; }
    public String getDeletedBy() { return deletedBy; }
    public Instant getSealedAt() { return sealedAt; }
    public RecordingState getState() { return state; }
    public String getFailureReason() { return failureReason; }
    public String getCodec() { return codec; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getStartedAt() { return startedAt; }
    /** When the call started, as far as it is known: the capture's first packet, else its arrival. */
    public Instant getStarted() { return startedAt != null ? startedAt : receivedAt; }
    public Double getDurationSeconds() { return durationSeconds; }
    public String getDuration() { return durationSeconds == null ? "" : CallLength.format(Math.round(durationSeconds)); }
    /** Whether the call's record came: rows without it show the call id instead of the parties. */
    public boolean isCallInformation() { return callInformation; }
    /** Who called, as the call information names them; empty until it has come. */
    public String getFrom() { return from; }
    /** Who was called. */
    public String getTo() { return to; }
    public Direction getDirection() { return direction; }
    /** The call as a row names it without call information: its call id, else the capture's file name. */
    public String getCall() { return callId != null ? callId : fileName; }
    /** How many notes the recording has. */
    public long getNotes() { return notes; }
    /** What the notes button says: "Notes", "1 note", "3 notes". */
    public String getNotesLabel() { return notes == 0 ? "Notes" : notes == 1 ? "1 note" : notes + " notes"; }
}
