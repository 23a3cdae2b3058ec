package io.verbatim.report;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.directory.Directory;
import io.verbatim.media.OutputFormat;
import io.verbatim.recording.NoSuchRecordingException;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingFileName;
import io.verbatim.recording.RecordingNotes;
import io.verbatim.recording.SelectedRecordings;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.Refusal;
import io.verbatim.seal.SealedContent;
import io.verbatim.seal.Seals;
import io.verbatim.storage.BlobStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Downloading a recording for keeping: its audio and a PDF of its call information, notes and activity, in one ZIP. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class RecordingDownloads {

    /** More in one ZIP would hold a request (and the reports in memory) for minutes: a search narrows it. */
    public static final int MAX_RECORDINGS = 200;

    @Inject
    RecordingCatalog catalog;

    @Inject
    RecordingNotes notes;

    @Inject
    ActionLog actionLog;

    @Inject
    BlobStore blobs;

    @Inject
    Directory directory;

    /**
     * Logs the download, then writes the report (so its activity protocol includes this download) and opens the
     * audio; the caller streams the ZIP and closes it.
     */
    public RecordingDownload prepare(long id) throws IOException {
        Recording r = catalog.findConverted(id);
        actionLog.record(Action.DOWNLOAD, r, "ZIP with audio and report");
        String viewer = directory.caller().getUsername();
        ZoneId zone = directory.callerZone();
        String name = RecordingFileName.of(r, zone); // named for people, in the reader's zone: the ZIP and what is in it
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        RecordingReport.write(new RecordingReport.Content(r, notes.of(r), actionLog.of(r), viewer,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), zone), pdf);
        OutputFormat format = r.audioOutputFormat();
        Map<String, byte[]> beside = new LinkedHashMap<>();
        beside.put(name + ".pdf", pdf.toByteArray());
        if (r.getSealSignature() != null) {
            // what a third party checks with openssl and the public key (see docs/compliance.md)
            beside.put(name + ".seal.txt", SealedContent.of(r));
            beside.put(name + ".sig", Seals.signatureOf(r));
        }
        return new RecordingDownload(r.getId(), name, name + "." + format.extension(), blobs.open(r.getAudioKey()), beside);
    }

    /**
     * Several recordings for keeping, each prepared (and logged) as {@link #prepare} does; one the caller may not read
     * or that has no audio is left out and named in the ZIP.
     *
     * @throws InvalidEntryException when none, or more than {@link #MAX_RECORDINGS}, are asked for
     * @throws NoSuchRecordingException when not one of them may be downloaded (the first one's refusal)
     */
    public RecordingsDownload prepareAll(List<Long> ids) throws IOException {
        List<Long> distinct = SelectedRecordings.of(ids, MAX_RECORDINGS, "in one ZIP").ids();
        List<RecordingDownload> included = new ArrayList<>();
        List<String> notIncluded = new ArrayList<>();
        Refusal firstRefusal = null;
        try {
            for (long id : distinct) {
                try {
                    included.add(prepare(id));
                } catch (Refusal r) {
                    notIncluded.add("recording " + id + ": " + r.getMessage());
                    firstRefusal = firstRefusal == null ? r : firstRefusal;
                }
            }
        } catch (IOException | RuntimeException e) {
            new RecordingsDownload(included, notIncluded).close();
            throw e;
        }
        if (included.isEmpty()) {
            throw firstRefusal;
        }
        return new RecordingsDownload(included, notIncluded);
    }
}
