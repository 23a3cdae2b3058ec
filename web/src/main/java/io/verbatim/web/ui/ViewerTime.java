package io.verbatim.web.ui;

import io.verbatim.directory.Directory;
import io.verbatim.recording.RecordingNote;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the viewer reads them: in their own time zone (directory), else the server's. */
@Named
@ViewScoped
public class ViewerTime implements Serializable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    @Inject
    Directory directory;

    private ZoneId zone;

    public String date(RecordingRow r) {
        return DATE.format(started(r).atZone(zone()));
    }

    public String time(RecordingRow r) {
        return TIME.format(started(r).atZone(zone()));
    }

    /** The zone the times are in, as of the recording's day ("CET", "CEST"): times without one mislead across zones. */
    public String zone(RecordingRow r) {
        return ZONE.format(started(r).atZone(zone()));
    }

    /** An instant's time of day, in the viewer's zone. */
    public String clock(Instant instant) {
        return TIME.format(instant.atZone(zone()));
    }

    /** An instant's date, time and zone, in the viewer's zone. */
    public String dateTime(Instant instant) {
        return DATE.format(instant.atZone(zone())) + " " + TIME.format(instant.atZone(zone())) + " " + ZONE.format(instant.atZone(zone()));
    }

    /** An instant's date, in the viewer's zone. */
    public String day(Instant instant) {
        return DATE.format(instant.atZone(zone()));
    }

    /** The viewer's zone's id (e.g. "Europe/Berlin"), for times the page's scripts write. */
    public String getZoneId() {
        return zone().getId();
    }

    public String written(RecordingNote note) {
        return DATE.format(note.getWrittenAt().atZone(zone())) + " " + TIME.format(note.getWrittenAt().atZone(zone()));
    }

    ZoneId zone() {
        if (zone == null) {
            zone = directory.callerZone();
        }
        return zone;
    }

    private static Instant started(RecordingRow r) {
        return r.getStarted();
    }
}
