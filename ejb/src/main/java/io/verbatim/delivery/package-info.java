/**
 * Recordings mailed to people as they are ready: mail rules ({@link io.verbatim.delivery.MailRules}: a user's own
 * recordings, a group's members' for a user, or each member of a group their own), the outbox written in the
 * transaction that made a recording READY, and the sender on every node ({@link io.verbatim.delivery.MailSender},
 * {@link io.verbatim.delivery.MailDeliveries}), which checks the access rule for the recipient as it sends, attaches an
 * MP3 up to the rule's size (else links to the recording), logs each mail as its recipient's download, and tries a
 * failed one again for a day with the mail alarm raised. Subjects and bodies are {@link io.verbatim.delivery.MailTemplate}s.
 * It learns of recordings from {@code io.verbatim.recording}'s events and of erasures from the action log's.
 */
package io.verbatim.delivery;
