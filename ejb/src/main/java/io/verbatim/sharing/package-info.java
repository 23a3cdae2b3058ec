/**
 * Sharing a recording with someone by a link mailed to them ({@link io.verbatim.sharing.RecordingShares}): expiring,
 * optionally behind a password, revocable, each use logged with the recipient. The link opens only the share's page
 * (player and download); the access rule still stands behind it, as the sharer's (a share stops working when they may
 * no longer hear the recording). Mails go through {@code io.verbatim.mail}; the call's line is
 * {@code io.verbatim.delivery}'s template.
 */
package io.verbatim.sharing;
