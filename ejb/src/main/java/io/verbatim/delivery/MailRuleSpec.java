package io.verbatim.delivery;

/**
 * A mail rule as asked for, in the API's names: a user ({@code recipient}; a user who is not an administrator may
 * name only themselves, and may leave it out) or a group whose members each get their own ({@code recipientGroup});
 * with {@code ofGroup}, the recordings of that group's members instead of the recipient's own. {@code attachUpToMb}
 * (default 10, 0: always a link) and the templates (default {@link MailTemplate#DEFAULT_SUBJECT} and
 * {@link MailTemplate#DEFAULT_BODY}) may be left out.
 */
public record MailRuleSpec(String recipient, String recipientGroup, String ofGroup, Integer attachUpToMb,
                           String subjectTemplate, String bodyTemplate) {
}
