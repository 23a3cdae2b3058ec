package io.verbatim.web.ui;

import io.verbatim.callinfo.CallEvent;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.recording.CallLength;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingNote;
import io.verbatim.recording.RecordingNotes;
import io.verbatim.recording.RecordingQuery;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Recordings page's call details: the parties, when the call started, was answered and ended, its flow step by
 * step, the recordings of the same call (a hold or transfer makes a new capture), its notes, and the recording's own
 * facts with its seal. What
 * it shows is read through the catalog, so the access rule decides as for the list.
 */
@Named
@ViewScoped
public class RecordingDetails implements Serializable {

    @Inject
    transient RecordingCatalog catalog;

    @Inject
    ViewerTime time;

    @Inject
    transient RecordingNotes notes;

    private Recording recording;
    private List<Recording> segments = List.of();
    private List<RecordingNote> noteList = List.of();

    /** One step of the call's flow as a person reads it: when, what, who. */
    public record Step(String at, String what, String who) {
    }

    public void open(Recording r) {
        recording = null;
        segments = List.of();
        noteList = List.of();
        List<Recording> found = new ArrayList<>();
        if (Pages.attempt(() -> found.add(catalog.find(r.getId())))) {
            recording = found.get(0);
            if (recording.getCallId() != null) {
                Pages.attempt(() -> segments = catalog.search(RecordingQuery.page(0, 20).ofCall(recording.getCallId())
                        .sortedBy(new RecordingQuery.Order(RecordingQuery.Sort.START, false))).items());
            }
            Pages.attempt(() -> noteList = notes.of(recording));
        }
    }

    /** The recording's notes, oldest first (read here; written in the notes dialog). */
    public List<RecordingNote> getNotes() {
        return noteList;
    }

    public Recording getRecording() {
        return recording;
    }

    public CallRecord getCall() {
        return recording == null ? null : recording.getCallRecord();
    }

    /** The other captures of the same call, in the order they were recorded (empty when this is the only one). */
    public List<Recording> getSegments() {
        return segments.size() > 1 ? segments : List.of();
    }

    public List<Step> getFlow() {
        CallRecord call = getCall();
        if (call == null) {
            return List.of();
        }
        return call.getEvents().stream().map(e -> new Step(e.getAt() == null ? "" : time.clock(e.getAt()), what(e), who(e))).toList();
    }

    /** How long the call was answered for, by the PBX's times; empty when it was not answered or has not ended. */
    public String getTalkTime() {
        CallRecord call = getCall();
        if (call == null || call.getConnect() == null || call.getEnd() == null) {
            return "";
        }
        return CallLength.format(Math.max(0, Duration.between(call.getConnect(), call.getEnd()).toSeconds()));
    }

    public String at(Instant instant) {
        return instant == null ? "" : time.dateTime(instant);
    }

    private static String what(CallEvent e) {
        return switch (e.getType()) {
            case INITIATED -> "Placed by";
            case QUEUED -> "Queued at";
            case RINGING -> "Rang at";
            case ANSWERED -> "Answered by";
            case PICKED_UP -> "Picked up by";
            case FORWARDED -> "Forwarded to";
            case TRANSFERRED -> "Transferred to";
            case HELD -> "Put on hold";
            case RESUMED -> "Resumed";
            case ENDED -> "Ended";
        };
    }

    private static String who(CallEvent e) {
        String label = new CallRecord.Party(e.getName(), e.getNumber()).label();
        if (label.isEmpty()) {
            return e.getUsername() == null ? "" : e.getUsername();
        }
        return e.getUsername() == null || label.contains(e.getUsername()) ? label : label + " · " + e.getUsername();
    }
}
