package io.verbatim.web.api.recordings;

import io.verbatim.callinfo.CallEventType;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.Direction;
import java.time.Instant;
import java.util.List;

/**
 * A recording's call information as the API shows it; {@code from} and {@code to} as people read them ("name (number)"):
 * who called and who was called, whichever side is ours.
 */
public record CallInformationView(Direction direction, String from, String to, String localNumber, String localName,
                                  String remoteNumber, String remoteName, Instant start, Instant connect, Instant end,
                                  List<Event> events) {

    public record Event(CallEventType type, Instant at, String number, String name, String user) {
    }

    static CallInformationView of(CallRecord c) {
        return c == null ? null : new CallInformationView(c.getDirection(), c.from().label(), c.to().label(), c.getLocalNumber(), c.getLocalName(), c.getRemoteNumber(),
                c.getRemoteName(), c.getStart(), c.getConnect(), c.getEnd(),
                c.getEvents().stream().map(e -> new Event(e.getType(), e.getAt(), e.getNumber(), e.getName(), e.getUsername())).toList());
    }
}
