package io.verbatim.web.api.administration;

import io.verbatim.conversion.ConversionQueue;
import io.verbatim.conversion.ConversionService;
import io.verbatim.jobs.JobRun;
import io.verbatim.jobs.JobRuns;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jobs (administrators): the conversion queue, and the batch jobs' runs, starting and restarting them. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobResource {

    @Inject
    JobRuns jobs;

    @Inject
    ConversionService conversions;

    @GET
    @Path("conversion-queue")
    @Operation(summary = "The conversion queue: recordings waiting and being converted, since when the oldest waits "
            + "(null: none waits), conversions failed in the last 24 hours")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public ConversionQueue conversionQueue() {
        return conversions.queue();
    }

    @GET
    @Operation(summary = "Recent runs of retention, recycle-purge, licence-grace, action-log-export, export-expiry and seal, newest first: status, times, "
            + "duration, items read and written (recordings looked at and deleted), exit status")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public List<JobRun> runs(@QueryParam("perJob") @DefaultValue("20") int perJob) {
        return jobs.recent(Math.max(1, Math.min(perJob, 200)));
    }

    @GET
    @Path("runs/{executionId}")
    @Operation(summary = "One run")
    @APIResponse(responseCode = "404", description = "No such run")
    public JobRun run(@PathParam("executionId") long executionId) {
        return jobs.get(executionId);
    }

    @POST
    @Path("{job}/runs")
    @Operation(summary = "Start retention, recycle-purge or licence-grace now (they also run every night)")
    @APIResponse(responseCode = "202", description = "Started; Location is the run")
    @APIResponse(responseCode = "204", description = "Not started: the policy is off (retention 0)")
    @APIResponse(responseCode = "400", description = "No such lifecycle job")
    public Response start(@PathParam("job") String job) {
        Optional<JobRun> run = jobs.start(job);
        return run.map(r -> Response.accepted(r).location(URI.create("jobs/runs/" + r.executionId())).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("runs/{executionId}/stop")
    @Operation(summary = "Ask a running job to stop after its current chunk; what it committed stays done")
    @APIResponse(responseCode = "200", description = "The run, stopping")
    @APIResponse(responseCode = "400", description = "The run is not running")
    @APIResponse(responseCode = "404", description = "No such run")
    public JobRun stop(@PathParam("executionId") long executionId) {
        return jobs.stop(executionId);
    }

    @POST
    @Path("runs/{executionId}/restart")
    @Operation(summary = "Restart a FAILED or STOPPED run from its last checkpoint, with its own parameters")
    @APIResponse(responseCode = "202", description = "Restarted; Location is the new run")
    @APIResponse(responseCode = "400", description = "The run neither failed nor was stopped")
    @APIResponse(responseCode = "404", description = "No such run")
    public Response restart(@PathParam("executionId") long executionId) {
        JobRun run = jobs.restart(executionId);
        return Response.accepted(run).location(URI.create("jobs/runs/" + run.executionId())).build();
    }
}
