package io.verbatim.web.api.administration;

import io.verbatim.callinfo.Direction;
import io.verbatim.archive.ExportTarget;
import io.verbatim.archive.ExportTargetSpec;
import io.verbatim.archive.ExportTargets;
import io.verbatim.archive.ExportedRecording;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Export targets: an SFTP server or an S3-compatible bucket that receives a PBX's recordings (the operator's, naming no
 * PBX: every PBX's), each as audio and a JSON metadata file, by the {@code recording-export} job. Credentials are
 * write-only.
 */
@Path("export-targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Export targets")
public class ExportTargetResource {

    /** A target as shown: where, how it names and what it takes; never its password, private key or secret key. */
    public record ExportTargetView(long id, String pbx, String name, String kind, String address, String host, Integer port,
                                   String hostKey, String endpoint, String region, String location, String username,
                                   String nameTemplate, String timeZone, List<String> metadataItems, List<String> owners,
                                   List<String> groups, String direction, String recordedFrom, String recordedUntil,
                                   boolean deleteAfterExport, String dailyAt, Instant lastScheduledAt, Instant createdAt,
                                   String createdBy) {

        static ExportTargetView of(ExportTarget t) {
            ZoneId zone = ZoneId.of(t.getTimeZone());
            return new ExportTargetView(t.getId(), t.getPbx(), t.getName(), t.getKind().name().toLowerCase(Locale.ROOT), t.address(),
                    t.getHost(), t.getPort(), t.getHostKey(), t.getEndpoint(), t.getRegion(), t.getLocation(), t.getUsername(),
                    t.getNameTemplate(), t.getTimeZone(), t.getMetadataItems(), t.getOwners(), t.getGroups(), direction(t.getDirection()),
                    t.getRecordedFrom() == null ? null : t.getRecordedFrom().atZone(zone).toLocalDate().toString(),
                    // kept as the end of the day given: shown as that day
                    t.getRecordedUntil() == null ? null : t.getRecordedUntil().atZone(zone).toLocalDate().minusDays(1).toString(),
                    t.isDeleteAfterExport(), t.getDailyAt(), t.getLastScheduledAt(), t.getCreatedAt(), t.getCreatedBy());
        }

        private static String direction(String direction) {
            return direction == null ? null : Direction.valueOf(direction).word();
        }
    }

    /** One recording a target has had: where it went, and when. */
    public record ExportedView(long recordingId, String path, Instant exportedAt) {

        static ExportedView of(ExportedRecording e) {
            return new ExportedView(e.getRecordingId(), e.getPath(), e.getExportedAt());
        }
    }

    /** A run started: its execution id, whose progress the Jobs page and /api/v1/jobs/runs/{id} show. */
    public record RunStarted(long executionId) {
    }

    @Inject
    ExportTargets targets;

    @GET
    @Operation(summary = "The export targets (the caller's PBX; the operator: ?pbx=, or none for their own, of every PBX)")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    public List<ExportTargetView> list(@Parameter(description = "The operator: the PBX") @QueryParam("pbx") String pbx) {
        return targets.list(pbx).stream().map(ExportTargetView::of).toList();
    }

    @POST
    @Operation(summary = "Add a target: {name, kind (sftp|s3), host, port, hostKey, endpoint, region, location, username, "
            + "password | privateKey | secretKey, nameTemplate, timeZone, metadataItems, owners, groups, direction, recordedFrom, "
            + "recordedUntil, deleteAfterExport, dailyAt}; credentials are kept encrypted and never shown")
    @APIResponse(responseCode = "201", description = "Added; a run starts now (POST …/runs) or daily at dailyAt")
    @APIResponse(responseCode = "400", description = "A field missing or out of shape (the message names it)")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    public Response add(@Parameter(description = "The operator: the PBX") @QueryParam("pbx") String pbx, ExportTargetSpec request,
                        @Context UriInfo uri) {
        ExportTarget t = targets.add(pbx, ApiBodies.required(request));
        return Response.created(uri.getBaseUriBuilder().path("export-targets").path(Long.toString(t.getId())).build())
                .entity(ExportTargetView.of(t)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One target (without its credentials)")
    @APIResponse(responseCode = "404", description = "No such target of a PBX the caller administers")
    public ExportTargetView get(@PathParam("id") long id) {
        return ExportTargetView.of(targets.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a target and its record of what it had (the exported files stay where they are)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such target of a PBX the caller administers")
    public void remove(@PathParam("id") long id) {
        targets.remove(id);
    }

    @POST
    @Path("{id}/runs")
    @Operation(summary = "Export now what the target has not had yet (?again=true: everything its filter takes, again)")
    @APIResponse(responseCode = "202", description = "Started; its progress is on the Jobs page and at /api/v1/jobs/runs/{executionId}")
    @APIResponse(responseCode = "404", description = "No such target of a PBX the caller administers")
    @APIResponse(responseCode = "409", description = "A run is exporting to it now")
    public Response run(@PathParam("id") long id, @QueryParam("again") @DefaultValue("false") boolean again) {
        return Response.accepted(new RunStarted(targets.start(id, again))).build();
    }

    @GET
    @Path("{id}/exported")
    @Operation(summary = "What the target has had, newest first: recording, path, when (at most 200)")
    @APIResponse(responseCode = "404", description = "No such target of a PBX the caller administers")
    public List<ExportedView> exported(@PathParam("id") long id) {
        return targets.exported(id, 200).stream().map(ExportedView::of).toList();
    }
}
