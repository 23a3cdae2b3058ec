package io.verbatim.web.api.administration;

import io.verbatim.imports.CaptureImports;
import io.verbatim.jobs.JobRun;
import io.verbatim.jobs.JobRuns;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Importing a folder of captures as uploads (the operator). */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class ImportResource {

    /** The folder (inside the import folder, VERBATIM_IMPORT_DIR) and the PBX its captures are of. */
    public record ImportRequest(String folder, String pbx) {
    }

    @Inject
    CaptureImports imports;

    @Inject
    JobRuns jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import the captures (.pcap, .pcapng) of a folder inside the import folder (VERBATIM_IMPORT_DIR, by default "
            + "import/ in the data folder) as uploads of a PBX: each is checked, stored and converted as an upload is; one already "
            + "there is not stored twice; a refused one keeps its reason (quarantine) and stays in the folder")
    @APIResponse(responseCode = "202", description = "Started; Location is the job run, whose exit status counts imported, already there, refused")
    @APIResponse(responseCode = "400", description = "No such folder inside the import folder, or no PBX named")
    @APIResponse(responseCode = "403", description = "Not the operator")
    @APIResponse(responseCode = "404", description = "The PBX is not registered (and registration on first upload is off)")
    public Response start(ImportRequest request) {
        JobRun run = jobs.get(imports.start(request == null ? null : request.folder(), request == null ? null : request.pbx()));
        return Response.accepted(run).location(URI.create("jobs/runs/" + run.executionId())).build();
    }
}
