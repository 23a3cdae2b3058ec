package io.verbatim.web.api.administration;

import io.verbatim.backup.BackupSummary;
import io.verbatim.backup.Backups;
import io.verbatim.jobs.JobRun;
import io.verbatim.jobs.JobRuns;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Backups of the whole system (the operator): the complete ones in the backup folder, and starting one. */
@Path("backups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class BackupResource {

    @Inject
    Backups backups;

    @Inject
    JobRuns jobs;

    @GET
    @Operation(summary = "The complete backups in the backup folder (VERBATIM_BACKUP_DIR), newest first: kind, base, rows, "
            + "blobs needed and held, size; empty when backups are off")
    @APIResponse(responseCode = "403", description = "Not the operator")
    public List<BackupSummary> list() {
        return backups.list();
    }

    @POST
    @Operation(summary = "Start a backup now: full, or incremental (only the blobs the newest backup and its bases lack; full when "
            + "there is none yet). It also runs each night with the lifecycle jobs")
    @APIResponse(responseCode = "202", description = "Started; Location is the job run, whose items read and written are the blobs copied")
    @APIResponse(responseCode = "400", description = "kind is neither full nor incremental")
    @APIResponse(responseCode = "403", description = "Not the operator")
    @APIResponse(responseCode = "409", description = "Backups are off: no VERBATIM_BACKUP_DIR")
    public Response start(@QueryParam("kind") @DefaultValue("incremental") String kind) {
        JobRun run = jobs.get(backups.start(kind));
        return Response.accepted(run).location(URI.create("jobs/runs/" + run.executionId())).build();
    }
}
