package io.verbatim.report;

import com.itextpdf.layout.element.Table;
import io.verbatim.audit.ActionLogEntry;
import io.verbatim.callinfo.CallEvent;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingNote;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDF that travels with a downloaded recording: what the call was (capture, call information, call flow),
 * its notes, and its activity protocol (every action-log entry about it), with fingerprints of the files.
 */
public final class RecordingReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /** What goes in; times are shown in {@code zone} (the downloading person's). */
    public record Content(Recording recording, List<RecordingNote> notes, List<ActionLogEntry> activity,
                          String generatedBy, Instant generatedAt, ZoneId zone) {
    }

    private RecordingReport() {
    }

    public static void write(Content c, OutputStream out) {
        Recording r = c.recording();
        String footer = "Verbatim recording " + r.getId() + ", generated " + time(c.generatedAt(), c.zone()) + " for " + c.generatedBy();
        try (PdfLayout pdf = new PdfLayout(out, "Recording " + r.getId(), footer)) {
            pdf.subtitle(r.getPbx() + "  ·  " + r.getFileName());
            pdf.heading("Recording");
            List<String[]> facts = new ArrayList<>();
            facts.add(new String[] {"Call id", r.getCallId()});
            facts.add(new String[] {"Owner", r.getOwner()});
            facts.add(new String[] {"Capture user", r.getCaptureUser()});
            facts.add(new String[] {"Device", r.getDevice()});
            facts.add(new String[] {"Start", time(r.getStartedAt(), c.zone())});
            facts.add(new String[] {"Duration", r.getDurationSeconds() == null ? null : duration(r.getDurationSeconds())});
            facts.add(new String[] {"Codec", r.getCodec()});
            facts.add(new String[] {"Audio", r.getAudioFormat()});
            facts.add(new String[] {"Received", time(r.getReceivedAt(), c.zone())});
            facts.add(new String[] {"State", r.getState().name() + (r.getFailureReason() == null ? "" : ": " + r.getFailureReason())});
            facts.add(new String[] {"Protected", r.isProtected() ? "yes, by " + r.getProtectedBy() + " since " + time(r.getProtectedAt(), c.zone()) : "no"});
            facts.add(new String[] {"Original SHA-256", r.getOriginalSha256()});
            facts.add(new String[] {"Audio SHA-256", r.getAudioSha256()});
            facts.add(new String[] {"Seal", r.getSealSignature() == null ? "not sealed"
                    : "Ed25519, sealed " + time(r.getSealedAt(), c.zone()) + " (the .seal.txt and .sig files beside this report)"});
            pdf.facts(facts.toArray(String[][]::new));

            CallRecord call = r.getCallRecord();
            pdf.heading("Call information");
            if (call == null) {
                pdf.text("No call record from the PBX.");
            } else {
                pdf.facts(new String[][] {
                        {"Direction", call.getDirection() == null ? null : call.getDirection().name().toLowerCase()},
                        {"Local party", party(call.getLocalNumber(), call.getLocalName())},
                        {"Remote party", party(call.getRemoteNumber(), call.getRemoteName())},
                        {"Start", time(call.getStart(), c.zone())},
                        {"Connected", time(call.getConnect(), c.zone())},
                        {"End", time(call.getEnd(), c.zone())}});
                if (!call.getEvents().isEmpty()) {
                    Table flow = pdf.columns(new float[] {3, 2, 3, 3}, "Time", "Event", "Party", "User");
                    for (CallEvent e : call.getEvents()) {
                        flow.addCell(PdfLayout.cell(time(e.getAt(), c.zone())));
                        flow.addCell(PdfLayout.cell(e.getType() == null ? null : e.getType().name().toLowerCase()));
                        flow.addCell(PdfLayout.cell(party(e.getNumber(), e.getName())));
                        flow.addCell(PdfLayout.cell(e.getUsername()));
                    }
                    pdf.add(flow);
                }
            }

            pdf.heading("Notes");
            if (c.notes().isEmpty()) {
                pdf.text("No notes.");
            } else {
                Table notes = pdf.columns(new float[] {3, 2, 7}, "Written", "By", "Note");
                for (RecordingNote n : c.notes()) {
                    notes.addCell(PdfLayout.cell(time(n.getWrittenAt(), c.zone()) + (n.getEditedAt() == null ? ""
                            : "\nedited " + time(n.getEditedAt(), c.zone()))));
                    notes.addCell(PdfLayout.cell(n.getAuthor()));
                    notes.addCell(PdfLayout.cell(n.getText()));
                }
                pdf.add(notes);
            }

            pdf.heading("Activity protocol");
            Table activity = pdf.columns(new float[] {1, 3, 2, 2, 2, 4}, "#", "Time", "User", "From", "Action", "Detail");
            for (ActionLogEntry e : c.activity()) {
                activity.addCell(PdfLayout.cell(Long.toString(e.getPosition())));
                activity.addCell(PdfLayout.cell(time(e.getOccurredAt(), c.zone())));
                activity.addCell(PdfLayout.cell(e.getActor()));
                activity.addCell(PdfLayout.cell(e.getOrigin()));
                activity.addCell(PdfLayout.cell(e.getAction().word() + (e.getOutcome().name().equals("SUCCESS") ? "" : " (" + e.getOutcome().name().toLowerCase() + ")")));
                activity.addCell(PdfLayout.cell(e.getDetail()));
            }
            pdf.add(activity);
        }
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? null : TIME.format(at.atZone(zone));
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static String party(String number, String name) {
        if (number == null) {
            return name;
        }
        return name == null ? number : name + " (" + number + ")";
    }
}
