package io.verbatim.audit;

import java.util.Locale;

/**
 * What a person (or the server itself) did that a compliance officer may ask about. The API and exports name each
 * by its {@link #word()}, e.g. {@code failed-login}.
 */
public enum Action {
    /** Listened to a recording. */
    PLAY,
    /** Downloaded a recording (audio, ZIP or original capture). */
    DOWNLOAD,
    /** Deleted a recording (into the recycle bin or for good, by the app object's mode). */
    DELETE,
    /** Protected a recording against deletion and retention (innovaphone: "permanent"). */
    PERMANENT,
    /** Lifted the protection (innovaphone: "volatile"). */
    VOLATILE,
    /** Deleted by the retention policy. */
    TIMEOUT,
    /** Deleted because its owner has had no recorder licence for longer than the grace period. */
    LICENCE_GRACE,
    /** Took a recording back out of the recycle bin. */
    RESTORE,
    /** Emptied a recording from the recycle bin for good. */
    PURGE,
    /** Added or edited a note. */
    NOTE,
    /** Checked a recording's seal or the action log's chain. */
    VERIFY,
    LOGIN,
    FAILED_LOGIN,
    SETTING_CHANGE,
    FOUR_EYES_REQUEST,
    FOUR_EYES_GRANT,
    /** A 4-eyes grant ended: revoked or declined by the monitor, or the monitor's session ended. */
    FOUR_EYES_REVOKE,
    /** An administrator started or stopped viewing the recordings as one of their users. */
    VIEW_AS,
    /** A recording was given to another owner. */
    OWNER_CHANGE,
    /** The owner hid a recording from everyone else ("only me"), or showed it again. */
    ONLY_ME,
    TOKEN_ISSUE,
    TOKEN_REVOKE,
    /** Exported the action log. */
    EXPORT,
    /** An administrator started, stopped or restarted a batch job. */
    JOB_START,
    /** The server raised an alarm (a condition administrators must look at). */
    ALARM_RAISED,
    /** The condition behind an alarm went away, or an administrator's acknowledgement ended an alarm about an event. */
    ALARM_CLEARED,
    /** An administrator acknowledged an alarm. */
    ALARM_ACKNOWLEDGED,
    /** Wrote a backup of the whole system (database, keys, originals, audio). */
    BACKUP,
    /** Rebuilt this system from a backup. */
    BACKUP_RESTORE,
    /** A recording was exported to an export target (SFTP, S3): where, and as what. */
    ARCHIVE_EXPORT,
    /** A recording was erased after its export: its retention is the export target's. */
    ARCHIVE_HANDOVER,
    /** Shared a recording: a link mailed to someone (inside or outside), until when, with a password or not. */
    SHARE,
    /** A share's link stopped working before it expired: revoked by someone, or after too many wrong passwords. */
    SHARE_REVOKE,
    /** Added or removed a rule that mails recordings to someone as they are ready. */
    MAIL_RULE;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted words */
    public static Action of(String word) {
        String name = word.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Action a : values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Action a : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(a.word());
        }
        throw new IllegalArgumentException("action must be one of " + known);
    }
}
