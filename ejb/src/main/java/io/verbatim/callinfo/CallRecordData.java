package io.verbatim.callinfo;

import java.time.Instant;
import java.util.List;

/**
 * A call record as external systems send it. {@code callId}: the conference GUID the capture names carry;
 * {@code pbx}: the tenant (the operator must give it; a tenant's administrators send their own).
 */
public record CallRecordData(String callId, String pbx, Direction direction, String localNumber, String localName,
                             String remoteNumber, String remoteName, Instant start, Instant connect, Instant end,
                             List<Event> events) {

    /** One step of the call flow; {@code user}: the PBX username involved, when known. */
    public record Event(CallEventType type, Instant at, String number, String name, String user) {
    }
}
