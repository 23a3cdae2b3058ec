package io.verbatim.web.api.administration;

import io.verbatim.webhook.WebhookDelivery;
import io.verbatim.webhook.WebhookEvent;
import io.verbatim.webhook.WebhookSubscription;
import io.verbatim.webhook.Webhooks;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions: a PBX's administrators are told of their PBX's recordings' events, the operator of every
 * PBX's (naming none) and of the alarms. Messages are signed as the Standard Webhooks specification says; the secret is
 * in the answer to the POST only.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    /** A subscription as shown: never its secret (but once, when made). */
    public record WebhookView(long id, String pbx, String url, List<String> events, String description, boolean enabled,
                              String disabledReason, Instant failingSince, Instant createdAt, String createdBy, String secret) {

        static WebhookView of(WebhookSubscription s, String secret) {
            return new WebhookView(s.getId(), s.getPbx(), s.getUrl(), s.getEvents().stream().map(WebhookEvent::type).sorted().toList(),
                    s.getDescription(), s.isEnabled(), s.getDisabledReason(), s.getFailingSince(), s.getCreatedAt(), s.getCreatedBy(), secret);
        }
    }

    /** A new subscription: where to ({@code http(s)://}), which events (their names), and what it is for. */
    public record NewWebhook(String url, List<String> events, String description) {
    }

    /** One event for the subscription, as sent and as answered. */
    public record DeliveryView(long id, String messageId, String type, String state, int attempts, Instant createdAt,
                               Instant lastAttemptAt, Integer lastStatus, String lastAnswer, Instant nextAttemptAt,
                               Instant deliveredAt, String payload) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.getId(), d.getMessageId(), d.getEventType(), d.getState().name(), d.getAttempts(),
                    d.getCreatedAt(), d.getLastAttemptAt(), d.getLastStatus(), d.getLastAnswer(), d.getNextAttemptAt(),
                    d.getDeliveredAt(), d.getPayload());
        }
    }

    @Inject
    Webhooks webhooks;

    @GET
    @Operation(summary = "The webhook subscriptions (the caller's PBX; the operator: ?pbx=, or none for their own)")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    public List<WebhookView> list(@Parameter(description = "The operator: the PBX") @QueryParam("pbx") String pbx) {
        return webhooks.list(pbx).stream().map(s -> WebhookView.of(s, null)).toList();
    }

    @POST
    @Operation(summary = "Subscribe: {url, events, description}; the answer holds the signing secret (whsec_…), once")
    @APIResponse(responseCode = "201", description = "Subscribed; its events are sent from now on")
    @APIResponse(responseCode = "400", description = "A field missing or out of shape, or an unknown event (the message names it)")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    public Response subscribe(@Parameter(description = "The operator: the PBX") @QueryParam("pbx") String pbx, NewWebhook request,
                              @Context UriInfo uri) {
        NewWebhook given = ApiBodies.required(request);
        Webhooks.NewSubscription made = webhooks.subscribe(pbx, given.url(), given.events(), given.description());
        return Response.created(uri.getBaseUriBuilder().path("webhooks").path(Long.toString(made.subscription().getId())).build())
                .entity(WebhookView.of(made.subscription(), made.secret())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription (without its secret)")
    @APIResponse(responseCode = "404", description = "No such subscription of a PBX the caller administers")
    public WebhookView get(@PathParam("id") long id) {
        return WebhookView.of(webhooks.get(id), null);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Unsubscribe: nothing more is sent to it, and what waited is dropped")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such subscription of a PBX the caller administers")
    public void remove(@PathParam("id") long id) {
        webhooks.remove(id);
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a subscription disabled after its receiver failed for a day; what waited is sent")
    @APIResponse(responseCode = "404", description = "No such subscription of a PBX the caller administers")
    public WebhookView enable(@PathParam("id") long id) {
        return WebhookView.of(webhooks.enable(id), null);
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a test event (webhook.test) to the subscription's receiver")
    @APIResponse(responseCode = "202", description = "Queued; its delivery shows how the receiver answered")
    @APIResponse(responseCode = "404", description = "No such subscription of a PBX the caller administers")
    public Response test(@PathParam("id") long id) {
        return Response.accepted(DeliveryView.of(webhooks.sendTest(id))).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first, 50 a page (?before=<the last id of the page before>)")
    @APIResponse(responseCode = "404", description = "No such subscription of a PBX the caller administers")
    public List<DeliveryView> deliveries(@PathParam("id") long id, @QueryParam("before") Long before) {
        return webhooks.deliveries(id, before).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again, with its message id (receivers drop what they had already)")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", description = "No such delivery of a subscription the caller administers")
    public Response replay(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(DeliveryView.of(webhooks.replay(id, deliveryId))).build();
    }
}
