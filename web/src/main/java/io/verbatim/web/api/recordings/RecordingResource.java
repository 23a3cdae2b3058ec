package io.verbatim.web.api.recordings;

import io.verbatim.callinfo.Direction;
import io.verbatim.conversion.Waveforms;
import io.verbatim.directory.Licences;
import io.verbatim.lifecycle.BulkAction;
import io.verbatim.lifecycle.BulkOutcome;
import io.verbatim.lifecycle.BulkRecordingActions;
import io.verbatim.lifecycle.RecordingLifecycle;
import io.verbatim.media.OutputFormat;
import io.verbatim.recording.CallLength;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingNotes;
import io.verbatim.recording.RecordingOwnership;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import io.verbatim.recording.RecordingState;
import io.verbatim.report.RecordingDownload;
import io.verbatim.report.RecordingDownloads;
import io.verbatim.report.RecordingsDownload;
import io.verbatim.seal.Seals;
import io.verbatim.settings.Settings;
import io.verbatim.web.api.ApiBodies;
import io.verbatim.web.api.BlobResponses;
import io.verbatim.web.api.DateParameter;
import io.verbatim.web.api.compliance.SealCheckView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recordings: search, one recording's details, its audio, protection, deletion and notes. */
@Path("recordings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recordings")
public class RecordingResource {

    @Inject
    RecordingCatalog catalog;

    @Inject
    Settings settings;

    @Inject
    RecordingOwnership ownership;

    @Inject
    Licences licences;

    @Inject
    RecordingLifecycle lifecycle;

    @Inject
    RecordingNotes notes;

    @Inject
    RecordingDownloads downloads;

    @Inject
    Seals seals;

    @Inject
    Waveforms waveforms;

    @Inject
    BulkRecordingActions bulk;

    private RecordingView.Context viewContext() {
        return RecordingView.Context.now(settings, licences);
    }

    @GET
    @Operation(summary = "Search recordings you may see, newest first unless sort says otherwise; total counts the matches "
            + "up to 1,000 (past that it is 1,000 and totalCapped is true)")
    @APIResponse(responseCode = "200", description = "A page of recordings")
    @APIResponse(responseCode = "400", description = "A filter has a bad value")
    public RecordingListView search(
            @Parameter(description = "owner's username") @QueryParam("owner") String owner,
            @Parameter(description = "from this date (yyyy-MM-dd) or instant (ISO-8601), inclusive") @QueryParam("from") String from,
            @Parameter(description = "to this date (inclusive) or instant (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "text in file name, owner, call id, a note, or a party's name or number; * is a wildcard")
            @QueryParam("text") String text,
            @Parameter(description = "a party's number, however written: +49 89 123456, 089 123456 and 004989123456 find each other")
            @QueryParam("number") String number,
            @Parameter(description = "INBOUND, OUTBOUND or INTERNAL (from the call information)") @QueryParam("direction") String direction,
            @Parameter(description = "RECEIVED, CONVERTING, READY or FAILED") @QueryParam("state") String state,
            @Parameter(description = "call id (the GUID in capture names)") @QueryParam("callId") String callId,
            @Parameter(description = "only recordings whose owner is no user of their PBX (administrators assign them)")
            @QueryParam("unassigned") @DefaultValue("false") boolean unassigned,
            @Parameter(description = "only protected recordings (exempt from retention)")
            @QueryParam("protected") @DefaultValue("false") boolean protectedOnly,
            @Parameter(description = "only recordings with notes") @QueryParam("notes") @DefaultValue("false") boolean withNotes,
            @Parameter(description = "only this PBX's recordings (the operator; anyone else sees only their own PBX's)")
            @QueryParam("pbx") String pbx,
            @Parameter(description = "lasted at least this long: seconds (90), m:ss (1:30), h:mm:ss, or with a unit (90s, 5m, 1h)")
            @QueryParam("minDuration") String minDuration,
            @Parameter(description = "lasted at most this long, written the same way") @QueryParam("maxDuration") String maxDuration,
            @Parameter(description = "start, duration, owner or state; - before it for descending (default -start: newest first)")
            @QueryParam("sort") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        RecordingQuery query = RecordingQuery.page(offset, limit).ownedBy(owner)
                .between(DateParameter.instant("from", from, false), DateParameter.instant("to", to, true))
                .withText(text).withNumber(number).inDirection(choice(Direction.class, "direction", direction)).inState(choice(RecordingState.class, "state", state)).ofCall(callId)
                .unassignedOnly(unassigned).protectedOnly(protectedOnly).withNotesOnly(withNotes).sortedBy(RecordingQuery.Sort.parse(sort))
                .ofPbx(pbx).lasting(duration("minDuration", minDuration), duration("maxDuration", maxDuration));
        RecordingPage page = catalog.search(query);
        RecordingView.Context context = viewContext();
        return new RecordingListView(page.items().stream().map(r -> RecordingView.of(r, context)).toList(), page.total(), page.totalCapped(), offset, limit);
    }

    @PUT
    @Path("{id}/only-me")
    @Operation(summary = "The owner hides the recording from everyone but themselves and administrators (when the settings allow it)")
    @APIResponse(responseCode = "403", description = "Not the owner, or 'only me' is not allowed")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public RecordingView markOnlyMe(@PathParam("id") long id) {
        return RecordingView.of(ownership.markOnlyMe(id, true), viewContext());
    }

    @DELETE
    @Path("{id}/only-me")
    @Operation(summary = "Shows an 'only me' recording again to those the access rule lets see it (owner or administrators)")
    @APIResponse(responseCode = "403", description = "Neither the owner nor an administrator")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public RecordingView unmarkOnlyMe(@PathParam("id") long id) {
        return RecordingView.of(ownership.markOnlyMe(id, false), viewContext());
    }

    /** Whom to give a recording to; {@code sameCaptureUser}: also every recording, now and to come, from its capture user. */
    public record OwnerAssignment(String username, boolean sameCaptureUser) {
    }

    @PUT
    @Path("{id}/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign the recording to a user of its PBX (administrators); with sameCaptureUser, every recording "
            + "from the same extension, now and to come")
    @APIResponse(responseCode = "400", description = "No such user on the recording's PBX")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public RecordingView assign(@PathParam("id") long id, OwnerAssignment assignment) {
        OwnerAssignment a = ApiBodies.required(assignment);
        ownership.assign(id, a.username(), a.sameCaptureUser());
        return get(id);
    }

    @PUT
    @Path("{id}/protection")
    @Operation(summary = "Protect the recording against deletion and retention (innovaphone: permanent)")
    @APIResponse(responseCode = "200", description = "The recording, protected")
    @APIResponse(responseCode = "403", description = "Read-only (an administrator viewing as a user)")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public RecordingView protect(@PathParam("id") long id) {
        return RecordingView.of(lifecycle.protect(id), viewContext());
    }

    @DELETE
    @Path("{id}/protection")
    @Operation(summary = "Lift the protection (innovaphone: volatile): retention and deletion apply again")
    @APIResponse(responseCode = "200", description = "The recording, unprotected")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public RecordingView unprotect(@PathParam("id") long id) {
        return RecordingView.of(lifecycle.unprotect(id), viewContext());
    }

    /** What a deletion did: {@code recycle-bin} (an administrator can restore it) or {@code erased} (gone for good). */
    public record DeletionView(long id, String result) {
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the recording as your app object says: into the recycle bin (recoverable, the default), "
            + "for good (permanent), or not at all (denied)")
    @APIResponse(responseCode = "200", description = "{\"result\": \"recycle-bin\" or \"erased\"}")
    @APIResponse(responseCode = "403", description = "Deletion is not allowed for your app object")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    @APIResponse(responseCode = "409", description = "The recording is protected")
    public DeletionView delete(@PathParam("id") long id) {
        return new DeletionView(id, lifecycle.delete(id).name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** What to do to which recordings. */
    public record BulkRequest(String action, List<Long> ids) {
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Protect, unprotect or delete up to 1000 recordings at once: each as if alone (the access rule, your "
            + "app object's deletion rule, an action-log entry per recording), so one refused leaves the others done; "
            + "done counts the recordings changed (or already so), refused names each other one with why, deletion says "
            + "where the deleted went (RECYCLE_BIN or ERASED)")
    @APIResponse(responseCode = "200", description = "What was done and what was refused")
    @APIResponse(responseCode = "400", description = "No action or no ids, an unknown action, or more than 1000 ids")
    @APIResponse(responseCode = "503", description = "The database went away: the message says how many were done (each "
            + "logged) and that the rest were not; Retry-After says when to send the rest again")
    public BulkOutcome bulk(BulkRequest body) {
        BulkRequest request = ApiBodies.required(body);
        BulkAction action = choice(BulkAction.class, "action", request.action());
        if (action == null) {
            throw new IllegalArgumentException("action is required: PROTECT, UNPROTECT or DELETE");
        }
        return bulk.apply(action, request.ids() == null ? List.of() : request.ids());
    }

    @GET
    @Path("download")
    @Produces("application/zip")
    @Operation(summary = "Up to 200 recordings for keeping in one ZIP: a folder per recording as its own download holds it "
            + "(audio, PDF report, seal), each logged as a download; not-included.txt names any you may not download or "
            + "that has no audio")
    @APIResponse(responseCode = "200", description = "The ZIP, streamed")
    @APIResponse(responseCode = "400", description = "No id, or more than 200")
    @APIResponse(responseCode = "404", description = "Not one of them may be downloaded")
    public Response downloadAll(@Parameter(description = "a recording's id; repeated for each") @QueryParam("id") List<String> ids)
            throws IOException {
        RecordingsDownload download = downloads.prepareAll(ids.stream().map(RecordingResource::recordingId).toList());
        return zip(download::writeZip, download.fileName());
    }

    @GET
    @Path("{id}/notes")
    @Operation(summary = "The recording's notes, oldest first (everyone who may see the recording)")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public List<NoteView> notes(@PathParam("id") long id) {
        return notes.of(id).stream().map(NoteView::of).toList();
    }

    /** A note's text (1 to 4000 characters). */
    public record NoteText(String text) {
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note")
    @APIResponse(responseCode = "201", description = "The note")
    @APIResponse(responseCode = "400", description = "No text, or longer than 4000 characters")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public Response addNote(@PathParam("id") long id, NoteText body) {
        NoteView note = NoteView.of(notes.add(id, ApiBodies.required(body).text()));
        return Response.created(URI.create("recordings/" + id + "/notes/" + note.id())).entity(note).build();
    }

    @PUT
    @Path("{id}/notes/{noteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit your own note")
    @APIResponse(responseCode = "403", description = "Not your note")
    @APIResponse(responseCode = "404", description = "No such recording or note")
    public NoteView editNote(@PathParam("id") long id, @PathParam("noteId") long noteId, NoteText body) {
        return NoteView.of(notes.edit(id, noteId, ApiBodies.required(body).text()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One recording")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public RecordingView get(@PathParam("id") long id) {
        return RecordingView.of(catalog.find(id), viewContext());
    }

    @GET
    @Path("{id}/audio")
    @Produces({"audio/wav", "audio/mpeg"})
    @Operation(summary = "The recording's audio in the format it was converted to (by default stereo WAV: left remote "
            + "party, right local party; see audioFormat); honours Range")
    @APIResponse(responseCode = "200", description = "The whole file")
    @APIResponse(responseCode = "206", description = "The requested range")
    @APIResponse(responseCode = "409", description = "Not converted (yet)")
    @APIResponse(responseCode = "416", description = "Range past the end")
    public Response audio(@PathParam("id") long id, @HeaderParam("Range") String range,
                          @QueryParam("download") @DefaultValue("false") boolean download) throws IOException {
        RecordingCatalog.Audio audio = catalog.openAudio(id, RecordingCatalog.AudioUse.of(download, range));
        return BlobResponses.of(audio, range, download);
    }

    @GET
    @Path("{id}/waveform")
    @Operation(summary = "What a player draws: each party's loudest moment per stretch of the call (remote and local apart, "
            + "0 silence to 255 full scale), at most 1024 stretches; not logged (it tells when someone spoke, not what)")
    @APIResponse(responseCode = "200", description = "The peaks")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    @APIResponse(responseCode = "409", description = "Not converted (yet)")
    public WaveformView waveform(@PathParam("id") long id) throws IOException {
        return WaveformView.of(id, waveforms.of(id));
    }

    @GET
    @Path("{id}/download")
    @Produces("application/zip")
    @Operation(summary = "The recording for keeping: a ZIP of its audio and a PDF with its call information, notes and "
            + "activity protocol (this download included)")
    @APIResponse(responseCode = "200", description = "The ZIP, streamed")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    @APIResponse(responseCode = "409", description = "Not converted (yet)")
    public Response download(@PathParam("id") long id) throws IOException {
        RecordingDownload download = downloads.prepare(id);
        return zip(download::writeZip, download.fileName());
    }

    /** A ZIP written as it is sent, saved under its name. */
    private static Response zip(StreamingOutput content, String fileName) {
        return Response.ok(content, "application/zip").header("Content-Disposition", BlobResponses.disposition(true, fileName)).build();
    }

    /*
     * HEAD: what a GET of the audio, the ZIP or the original would answer, without the bytes and without logging a
     * play or a download: nothing was heard or taken (JAX-RS would otherwise route a HEAD to the GET, logged as one).
     */

    @HEAD
    @Path("{id}/audio")
    @Operation(summary = "Whether the audio may be fetched, its type and length; not logged")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    @APIResponse(responseCode = "409", description = "Not converted (yet)")
    public Response audioHead(@PathParam("id") long id) {
        Recording r = catalog.findConverted(id);
        OutputFormat format = r.audioOutputFormat();
        return Response.ok().type(format.mediaType()).header("Content-Length", r.getAudioSize()).header("Accept-Ranges", "bytes").build();
    }

    @HEAD
    @Path("{id}/download")
    @Operation(summary = "Whether the ZIP may be fetched; not logged")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    @APIResponse(responseCode = "409", description = "Not converted (yet)")
    public Response downloadHead(@PathParam("id") long id) {
        catalog.findConverted(id);
        return Response.ok().type("application/zip").build();
    }

    @HEAD
    @Path("{id}/original")
    @Operation(summary = "Whether the original may be fetched, and its length; not logged")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public Response originalHead(@PathParam("id") long id) {
        Recording r = catalog.find(id);
        return Response.ok().type(PCAP).header("Content-Length", r.getOriginalSize()).header("Accept-Ranges", "bytes").build();
    }

    @GET
    @Path("{id}/seal")
    @Operation(summary = "Check the recording's seal: valid, altered (the audio's bytes or the sealed metadata changed) or unsealed")
    @APIResponse(responseCode = "200", description = "{\"status\": \"valid\"|\"altered\"|\"unsealed\", \"reason\": …}")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public SealCheckView seal(@PathParam("id") long id) {
        return SealCheckView.of(seals.verify(id));
    }

    @GET
    @Path("{id}/original")
    @Produces(PCAP)
    @Operation(summary = "The original capture exactly as the device sent it (kept in every state, also FAILED); honours Range")
    @APIResponse(responseCode = "200", description = "The whole capture")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public Response original(@PathParam("id") long id, @HeaderParam("Range") String range) throws IOException {
        RecordingCatalog.Audio original = catalog.openOriginal(id);
        return BlobResponses.of(original.channel(), original.size(), range, PCAP, original.recording().getFileName(), true);
    }

    public static final String PCAP = "application/vnd.tcpdump.pcap";

    /** A query parameter naming one of an enum's values, in any case; null when not given. */
    private static long recordingId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id must be a recording's number, not '" + id + "'");
        }
    }

    private static Integer duration(String parameter, String value) {
        try {
            return CallLength.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + ": " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
