package io.verbatim.web.api.compliance;

import io.verbatim.audit.ActionLogEntry;
import java.time.Instant;
import java.util.Locale;

/**
 * One action-log entry as the API shows it; {@code action} is the action's word, e.g. {@code failed-login};
 * {@code position} is its place in its {@code chain} (the PBX's; null: the deployment's, which also holds every entry
 * written before the log was chained per PBX).
 */
public record ActionLogEntryView(String chain, long position, Instant occurredAt, String user, String origin, String action,
                                 String outcome, String pbx, Long recordingId, String detail, String hash, String previousHash) {

    static ActionLogEntryView of(ActionLogEntry e) {
        return new ActionLogEntryView(e.getChain(), e.getPosition(), e.getOccurredAt(), e.getActor(), e.getOrigin(), e.getAction().word(),
                e.getOutcome().name().toLowerCase(Locale.ROOT), e.getPbx(), e.getRecordingId(), e.getDetail(),
                e.getEntryHash(), e.getPreviousHash());
    }
}
