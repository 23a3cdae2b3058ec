package io.verbatim.web.api.recordings;

import io.verbatim.delivery.MailDelivery;
import io.verbatim.delivery.MailRule;
import io.verbatim.delivery.MailRuleSpec;
import io.verbatim.delivery.MailRules;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mail delivery rules: recordings mailed as they are ready (an MP3 attached up to a size, else a link). Everyone keeps
 * rules for themselves; administrators for anyone of their PBX and for a group's members.
 */
@Path("mail-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mail delivery")
public class MailRuleResource {

    /** A rule as shown; {@code summary} says it in words. */
    public record MailRuleView(long id, String pbx, String recipient, String recipientGroup, String ofGroup, int attachUpToMb,
                               String subjectTemplate, String bodyTemplate, String summary, Instant createdAt, String createdBy) {

        static MailRuleView of(MailRule r) {
            return new MailRuleView(r.getId(), r.getPbx(), r.getRecipient(), r.getRecipientGroup(), r.getOfGroup(), r.getAttachUpToMb(),
                    r.getSubjectTemplate(), r.getBodyTemplate(), "mails " + r.describe(), r.getCreatedAt(), r.getCreatedBy());
        }
    }

    /** One mail of a rule: {@code state} pending, sent or failed, with how it went ({@code outcome}). */
    public record MailDeliveryView(long id, long recordingId, String recipient, String state, int attempts, Instant createdAt,
                                   Instant nextAttemptAt, Instant settledAt, String outcome) {

        static MailDeliveryView of(MailDelivery d) {
            boolean pending = d.getState() == MailDelivery.State.PENDING;
            return new MailDeliveryView(d.getId(), d.getRecordingId(), d.getRecipient(), d.getState().name().toLowerCase(Locale.ROOT),
                    d.getAttempts(), d.getCreatedAt(), pending ? d.getNextAttemptAt() : null, d.getSettledAt(), d.getOutcome());
        }
    }

    @Inject
    MailRules rules;

    @GET
    @Operation(summary = "The caller's mail rules: an administrator's PBX's, anybody else's own")
    public List<MailRuleView> list() {
        return rules.list().stream().map(MailRuleView::of).toList();
    }

    @POST
    @Operation(summary = "Add a rule: {recipient | recipientGroup, ofGroup, attachUpToMb (default 10, 0: always a link, at most "
            + "25), subjectTemplate, bodyTemplate}; fields in braces: {direction} {remote} {remoteName} {local} {localName} {date} "
            + "{time} {zone} {duration} {owner} {pbx} {id} {callId} {audio} {link}")
    @APIResponse(responseCode = "201", description = "Added: recordings ready from now on are mailed")
    @APIResponse(responseCode = "400", description = "A field out of shape, or a recipient without a mail address (the message names it)")
    @APIResponse(responseCode = "409", description = "The server's public URL is not set (mails link to the recording)")
    public Response add(@Parameter(description = "The operator: the PBX of a group's rule") @QueryParam("pbx") String pbx,
                        MailRuleSpec spec, @Context UriInfo uri) {
        MailRule r = rules.add(pbx, ApiBodies.required(spec));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.getId())).build()).entity(MailRuleView.of(r)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One rule")
    @APIResponse(responseCode = "404", description = "No such rule of the caller's")
    public MailRuleView get(@PathParam("id") long id) {
        return MailRuleView.of(rules.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a rule (and its delivery log); mails not yet sent are not sent")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rule of the caller's")
    public void remove(@PathParam("id") long id) {
        rules.remove(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The rule's mails, newest first (at most 200; ?before= an id for older ones)")
    @APIResponse(responseCode = "404", description = "No such rule of the caller's")
    public List<MailDeliveryView> deliveries(@PathParam("id") long id, @QueryParam("before") Long before) {
        return rules.deliveries(id, before).stream().map(MailDeliveryView::of).toList();
    }
}
