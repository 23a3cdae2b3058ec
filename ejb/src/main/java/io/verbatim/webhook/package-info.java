/**
 * Telling other systems of events as they happen: webhook subscriptions per PBX ({@link io.verbatim.webhook.Webhooks};
 * the operator's get every PBX's events and the alarms), the outbox written in the transaction of each change it tells
 * of ({@link io.verbatim.webhook.WebhookOutbox}), and the sender on every node ({@link io.verbatim.webhook.WebhookSender}),
 * which signs each message as the Standard Webhooks specification says, tries a failed one again with back-off for a
 * day, and disables a subscription whose receiver keeps failing, with the operator's alarm
 * ({@link io.verbatim.webhook.WebhookAlarms}). It learns of recordings from {@code io.verbatim.recording}'s events and
 * of deletions from the action log's ({@code io.verbatim.audit.ActionLogged}); nothing depends on it.
 */
package io.verbatim.webhook;
