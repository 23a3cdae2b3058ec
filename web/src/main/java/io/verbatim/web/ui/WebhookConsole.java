package io.verbatim.web.ui;

import io.verbatim.webhook.WebhookDelivery;
import io.verbatim.webhook.WebhookEvent;
import io.verbatim.webhook.WebhookSubscription;
import io.verbatim.webhook.Webhooks;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Webhooks page: a PBX's administrators' subscriptions (the operator's own, which get every PBX's events and the
 * alarms): add one (its secret shown once), send a test event, see its deliveries and send one again, enable one that
 * was disabled, remove one.
 */
@Named
@ViewScoped
public class WebhookConsole implements Serializable {

    @Inject
    Webhooks webhooks;

    @Inject
    SessionActions session;

    // read again after the session moves to another node: kept out of the session the cluster copies between nodes
    private transient List<WebhookSubscription> shown;
    private transient List<WebhookDelivery> deliveries;
    private String url;
    private List<String> events = new ArrayList<>(List.of(WebhookEvent.RECORDING_READY.type()));
    private String description;
    private transient String secret; // shown once: never copied to another node with the session
    private Long watched;
    /** The operator's choice: a PBX's subscriptions, or (empty) the operator's own. */
    private String pbx;

    public List<WebhookSubscription> getSubscriptions() {
        if (shown == null) {
            AtomicReference<List<WebhookSubscription>> read = new AtomicReference<>(List.of());
            Pages.attempt(() -> read.set(webhooks.list(pbx())));
            shown = read.get();
        }
        return shown;
    }

    /** The events the caller may subscribe to, by name (the alarms: the operator only). */
    public List<String> getEventTypes() {
        return Arrays.stream(WebhookEvent.values()).filter(e -> e != WebhookEvent.TEST)
                .filter(e -> (session.isOperator() && pbx() == null) || e.forPbx()).map(WebhookEvent::type).toList();
    }

    public String eventsOf(WebhookSubscription s) {
        return String.join(", ", s.getEvents().stream().map(WebhookEvent::type).sorted().toList());
    }

    public void add() {
        AtomicReference<Webhooks.NewSubscription> made = new AtomicReference<>();
        if (Pages.attempt(() -> made.set(webhooks.subscribe(pbx(), url, events, description)), "webhooks", Map.of())) {
            secret = made.get().secret();
            Pages.say("Webhook to " + made.get().subscription().getUrl() + " added: copy its signing secret below now, it is not shown again");
            url = null;
            description = null;
            shown = null;
        }
    }

    public void test(WebhookSubscription s) {
        if (Pages.attempt(() -> webhooks.sendTest(s.getId()))) {
            Pages.say("A test event is on its way to " + s.getUrl() + ": its delivery shows how the receiver answered");
            watch(s);
        }
    }

    public void enable(WebhookSubscription s) {
        if (Pages.attempt(() -> webhooks.enable(s.getId()))) {
            Pages.say("Webhook to " + s.getUrl() + " enabled again: what waited is sent now");
            shown = null;
        }
    }

    public void remove(WebhookSubscription s) {
        if (Pages.attempt(() -> webhooks.remove(s.getId()))) {
            Pages.say("Webhook to " + s.getUrl() + " removed");
            if (s.getId().equals(watched)) {
                watched = null;
                deliveries = null;
            }
            shown = null;
        }
    }

    public void watch(WebhookSubscription s) {
        watched = s.getId();
        deliveries = null;
    }

    public void replay(WebhookDelivery d) {
        if (watched != null && Pages.attempt(() -> webhooks.replay(watched, d.getId()))) {
            Pages.say("Delivery " + d.getMessageId() + " is sent again");
            deliveries = null;
        }
    }

    public void refresh() {
        deliveries = null;
        shown = null;
    }

    public List<WebhookDelivery> getDeliveries() {
        if (watched == null) {
            return List.of();
        }
        if (deliveries == null) {
            AtomicReference<List<WebhookDelivery>> read = new AtomicReference<>(List.of());
            Pages.attempt(() -> read.set(webhooks.deliveries(watched, null)));
            deliveries = read.get();
        }
        return deliveries;
    }

    public WebhookSubscription getWatchedSubscription() {
        return watched == null ? null : getSubscriptions().stream().filter(s -> s.getId().equals(watched)).findFirst().orElse(null);
    }

    /** The operator picked another PBX (or their own): its subscriptions, and what is added goes there. */
    public void pbxChosen() {
        shown = null;
        watched = null;
        deliveries = null;
        events.retainAll(getEventTypes());
    }

    private String pbx() {
        return pbx == null || pbx.isBlank() ? null : pbx;
    }

    public String getPbx() { return pbx; }
    public void setPbx(String pbx) { this.pbx = pbx; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public List<String> getEvents() { return events; }
    public void setEvents(List<String> events) { this.events = events; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSecret() { return secret; }
    public void forgetSecret() { secret = null; }
}
