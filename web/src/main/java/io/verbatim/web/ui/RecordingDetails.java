package io.verbatim.web.ui;

import io.verbatim.callinfo.CallEvent;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.Direction;
import io.verbatim.directory.Directory;
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
import java.util.Map;
import java.util.Objects;

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
    RecordingCatalog catalog;

    @Inject
    ViewerTime time;

    @Inject
    RecordingNotes notes;

    @Inject
    Directory directory;

    private RecordingRow recording;
    private List<RecordingRow> segments = List.of();
    private List<RecordingNote> noteList = List.of();
    private Instant callStart;
    private Instant callConnect;
    private Instant callEnd;
    private Direction callDirection;
    private List<Step> flow = List.of();
    private String talkTime = "";

    /** One step of the call's flow as a person reads it: when, what, who. */
    public record Step(String at, String what, String who) implements Serializable {
    }

    public void open(RecordingRow r) {
        recording = null;
        segments = List.of();
        noteList = List.of();
        flow = List.of();
        List<Recording> found = new ArrayList<>();
        if (!Pages.attempt(() -> found.add(catalog.find(r.getId())))) {
            return;
        }
        Recording opened = found.get(0);
        if (opened.getCallId() != null) {
            Pages.attempt(() -> found.addAll(catalog.search(RecordingQuery.page(0, 20).ofCall(opened.getCallId())
                    .sortedBy(new RecordingQuery.Order(RecordingQuery.Sort.START, false))).items()));
        }
        RecordingRow.Extras extras = new RecordingRow.Extras(directory.displayNames(found.stream().map(Recording::getOwner)
                .filter(Objects::nonNull).distinct().toList()), Map.of(), null);
        recording = RecordingRow.of(opened, extras);
        List<RecordingRow> call = found.subList(1, found.size()).stream().map(s -> RecordingRow.of(s, extras)).toList();
        segments = call.size() > 1 ? call : List.of(); // the other captures of the same call, when there are others
        CallRecord record = opened.getCallRecord();
        callStart = record == null ? null : record.getStart();
        callConnect = record == null ? null : record.getConnect();
        callEnd = record == null ? null : record.getEnd();
        callDirection = record == null ? null : record.getDirection();
        flow = record == null ? List.of() : record.getEvents().stream()
                .map(e -> new Step(e.getAt() == null ? "" : time.clock(e.getAt()), what(e), who(e))).toList();
        // how long the call was answered for, by the PBX's times; empty when it was not answered or has not ended
        talkTime = record == null || callConnect == null || callEnd == null ? ""
                : CallLength.format(Math.max(0, Duration.between(callConnect, callEnd).toSeconds()));
        Pages.attempt(() -> noteList = notes.of(opened));
    }

    /** The recording's notes, oldest first (read here; written in the notes dialog). */
    public List<RecordingNote> getNotes() {
        return noteList;
    }

    public RecordingRow getRecording() {
        return recording;
    }

    /** The captures of the same call, in the order they were recorded (empty when this is the only one). */
    public List<RecordingRow> getSegments() {
        return segments;
    }

    public List<Step> getFlow() {
        return flow;
    }

    public String getTalkTime() {
        return talkTime;
    }

    public Instant getCallStart() { return callStart; }
    public Instant getCallConnect() { return callConnect; }
    public Instant getCallEnd() { return callEnd; }
    public Direction getCallDirection() { return callDirection; }

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
