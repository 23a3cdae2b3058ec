package io.verbatim.web.api.recordings;

import io.verbatim.callinfo.CallRecordData;
import io.verbatim.callinfo.CallRecords;
import io.verbatim.callinfo.innovaphone.PbxCdrs;
import io.verbatim.callinfo.innovaphone.RefusedCdr;
import io.verbatim.database.ChangedMeanwhile;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Call information from the PBX or a CTI system (administrators or their API tokens): one record or an array.
 * Matched to recordings by {@code callId} whichever arrives first; sending a record again replaces it.
 */
@Path("call-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Call records")
public class CallRecordResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    CallRecords callRecords;

    @Inject
    PbxCdrs cdrs;

    /** A CDR the PBX's CDR interface sent that could not be used, as it came, with the reason. */
    public record RefusedCdrView(long id, String pbx, Instant receivedAt, String sender, String reason, String body) {
        static RefusedCdrView of(RefusedCdr r) {
            return new RefusedCdrView(r.getId(), r.getPbx(), r.getReceivedAt(), r.getSender(), r.getReason(), r.getBody());
        }
    }

    @POST
    @Operation(summary = "Store call records: callId, pbx (operator only), direction (INBOUND|OUTBOUND|INTERNAL), localNumber, "
            + "localName, remoteNumber, remoteName, start, connect, end (ISO-8601), events [{type, at, number, name, user}]")
    @RequestBody(content = @Content(schema = @Schema(oneOf = {CallRecordData.class, CallRecordData[].class})))
    @APIResponse(responseCode = "200", description = "Stored: how many were new, how many replaced, how many recordings they matched")
    @APIResponse(responseCode = "400", description = "Not JSON, or a record without callId or direction")
    public CallRecords.Received receive(String body) {
        List<CallRecordData> records = parse(body);
        // a recording they match may be committing its conversion at that moment: stored again on what is there now
        return ChangedMeanwhile.retried(() -> callRecords.receive(records));
    }

    @GET
    @Path("refused")
    @Operation(summary = "CDRs sent to /{pbx}/cdr that could not be used, newest first, each with the reason and the text as it came "
            + "(an administrator's PBX's; the operator's: every PBX's)")
    @APIResponse(responseCode = "200", description = "The refused CDRs")
    @APIResponse(responseCode = "400", description = "offset below 0, or limit not between 1 and 500")
    public List<RefusedCdrView> refused(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset must not be negative and limit must be between 1 and 500");
        }
        return cdrs.refused(offset, limit).stream().map(RefusedCdrView::of).toList();
    }

    /** One record or an array of them. */
    static List<CallRecordData> parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("a JSON call record, or an array of them, is required");
        }
        try {
            if (body.stripLeading().startsWith("[")) {
                CallRecordData[] records = JSON.fromJson(body, CallRecordData[].class);
                return List.of(records);
            }
            return List.of(JSON.fromJson(body, CallRecordData.class));
        } catch (JsonbException | NullPointerException e) {
            throw new IllegalArgumentException("not a call record: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
