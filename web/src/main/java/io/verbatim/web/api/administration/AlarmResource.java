package io.verbatim.web.api.administration;

import io.verbatim.alarm.Alarms;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alarms (the operator): what is wrong now, what was, and acknowledging it. */
@Path("alarms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alarms")
public class AlarmResource {

    @Inject
    Alarms alarms;

    @GET
    @Operation(summary = "Alarms, newest first: the active ones (state=active, the default) or the newest of all "
            + "(state=all, up to limit), cleared ones with when")
    @APIResponse(responseCode = "400", description = "state is neither active nor all")
    @APIResponse(responseCode = "403", description = "Not the operator (an administrator in no PBX)")
    public List<AlarmView> list(@QueryParam("state") @DefaultValue("active") String state,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        return switch (state) {
            case "active" -> alarms.active().stream().map(AlarmView::of).toList();
            case "all" -> alarms.history(Math.max(1, Math.min(limit, 1000))).stream().map(AlarmView::of).toList();
            default -> throw new IllegalArgumentException("state must be active or all");
        };
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One alarm")
    @APIResponse(responseCode = "404", description = "No such alarm")
    public AlarmView get(@PathParam("id") long id) {
        return AlarmView.of(alarms.get(id));
    }

    @POST
    @Path("{id}/acknowledgement")
    @Operation(summary = "Acknowledge an alarm: written to the action log; an event alarm (a past outage, a failed job) "
            + "ends here, a condition alarm stays until its condition passes")
    @APIResponse(responseCode = "200", description = "The alarm, acknowledged")
    @APIResponse(responseCode = "404", description = "No such alarm")
    @APIResponse(responseCode = "409", description = "The alarm has already ended")
    public AlarmView acknowledge(@PathParam("id") long id) {
        return AlarmView.of(alarms.acknowledge(id));
    }
}
