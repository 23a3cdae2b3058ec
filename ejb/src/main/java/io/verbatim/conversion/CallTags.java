package io.verbatim.conversion;

import io.verbatim.callinfo.CallRecord;
import io.verbatim.media.AudioTags;
import io.verbatim.recording.Recording;
import java.util.Locale;

/**
 * The tags a recording's audio file carries: the call with its parties and direction when the PBX's call record has
 * come before the conversion, else the call id and the user the device recorded for. Written into the file once (it
 * is hashed and may be sealed), so a call record that comes later shows in the file's name and the pages, not its tags.
 */
final class CallTags {

    private CallTags() {
    }

    static AudioTags of(Recording r) {
        String callId = r.getCallId() != null ? r.getCallId() : r.getFileName();
        CallRecord call = r.getCallRecord();
        if (call == null || call.getDirection() == null) {
            return new AudioTags(callId, r.getCaptureUser(), r.getPbx(), "call id " + callId);
        }
        String direction = call.getDirection().name().toLowerCase(Locale.ROOT);
        String from = call.from().label();
        String to = call.to().label();
        String title = Character.toUpperCase(direction.charAt(0)) + direction.substring(1) + " call"
                + (from.isEmpty() ? "" : " from " + from) + (to.isEmpty() ? "" : " to " + to);
        String local = new CallRecord.Party(call.getLocalName(), call.getLocalNumber()).label();
        String remote = new CallRecord.Party(call.getRemoteName(), call.getRemoteNumber()).label();
        return new AudioTags(title, local.isEmpty() ? r.getCaptureUser() : local, r.getPbx(),
                direction + (remote.isEmpty() ? "" : "; remote: " + remote) + (local.isEmpty() ? "" : "; local: " + local)
                        + "; call id " + callId);
    }
}
