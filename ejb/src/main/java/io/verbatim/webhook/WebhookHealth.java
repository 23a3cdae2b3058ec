package io.verbatim.webhook;

/**
 * A subscription was disabled ({@code disabledBecause} says why) or is no longer (enabled again, or removed): its alarm
 * is raised or cleared once the change has committed ({@link WebhookAlarms}), so that the alarm's own event reaches
 * the subscriptions as they are then, and the alarm's action-log entry never waits on the change's.
 */
public record WebhookHealth(long subscriptionId, String url, String pbx, String disabledBecause) {
}
