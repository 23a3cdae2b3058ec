/**
 * Sending mail through the SMTP server set on the Settings page, with the Jakarta Mail that WildFly ships.
 * {@link Mailer} sends and names the alarm recipients; {@link MailFailedException} (and {@link MailNotSetUpException}
 * when no server or no recipient is set) tells the caller why a mail did not go. The server is read from
 * {@code io.verbatim.settings} rather than from a WildFly mail session, so a change on the page applies on every node
 * without a restart. Its one caller today is the alarm mail in {@code io.verbatim.alarm}.
 */
package io.verbatim.mail;
