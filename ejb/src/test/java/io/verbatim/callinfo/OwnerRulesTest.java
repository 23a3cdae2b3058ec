package io.verbatim.callinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OwnerRulesTest {

    static final Predicate<String> USERS = Set.of("ann", "ben", "cid")::contains;
    static final Function<String, Optional<String>> NUMBERS = number -> Optional.ofNullable(Map.of("201", "cid").get(number));

    static CallRecord call(Direction direction, String localNumber, CallRecordData.Event... events) {
        CallRecord record = new CallRecord("pbx", "guid");
        record.update(new CallRecordData("guid", "pbx", direction, localNumber, null, null, null, null, null, null, List.of(events)),
                Instant.EPOCH);
        return record;
    }

    static CallRecordData.Event event(CallEventType type, String user) {
        return new CallRecordData.Event(type, null, null, null, user);
    }

    @Test
    void aPhonesCaptureBelongsToItsUserWhateverTheRecordSays() {
        CallRecord answeredByBen = call(Direction.INBOUND, null, event(CallEventType.ANSWERED, "ben"));
        assertThat(OwnerRules.ownerOf("ann", answeredByBen, USERS, NUMBERS)).contains("ann");
        assertThat(OwnerRules.ownerOf("ann", null, USERS, NUMBERS)).contains("ann");
    }

    @Test
    void anIncomingTrunkCallBelongsToTheFirstWhoAnsweredThenWhoPickedUp() {
        assertThat(OwnerRules.ownerOf("trunk", call(Direction.INBOUND, null, event(CallEventType.QUEUED, null),
                event(CallEventType.RINGING, "ann"), event(CallEventType.ANSWERED, "ben"), event(CallEventType.ANSWERED, "cid")),
                USERS, NUMBERS)).contains("ben");
        assertThat(OwnerRules.ownerOf("trunk", call(Direction.INBOUND, null, event(CallEventType.PICKED_UP, "cid")),
                USERS, NUMBERS)).contains("cid");
        assertThat(OwnerRules.ownerOf("trunk", call(Direction.INTERNAL, null, event(CallEventType.ANSWERED, "stranger")),
                USERS, NUMBERS)).as("only users of the tenant").isEmpty();
    }

    @Test
    void anOutgoingTrunkCallBelongsToWhoPlacedItOrTheOwnerOfTheLocalNumber() {
        assertThat(OwnerRules.ownerOf("trunk", call(Direction.OUTBOUND, "201", event(CallEventType.INITIATED, "ann")),
                USERS, NUMBERS)).contains("ann");
        assertThat(OwnerRules.ownerOf("trunk", call(Direction.OUTBOUND, "201"), USERS, NUMBERS)).contains("cid");
        assertThat(OwnerRules.ownerOf("trunk", call(Direction.OUTBOUND, "999"), USERS, NUMBERS)).isEmpty();
    }

    @Test
    void withoutARecordATrunkCaptureWaitsUnassigned() {
        assertThat(OwnerRules.ownerOf("trunk", null, USERS, NUMBERS)).isEmpty();
    }

    @Test
    void aRecordingWaitsForItsRecordThenIsFlaggedButMatchedWheneverItComes() {
        Instant received = Instant.parse("2026-11-24T08:00:00Z");
        Duration wait = Duration.ofHours(2);
        assertThat(CallInformationStatus.of(null, received, wait, received.plus(Duration.ofMinutes(119)))).isEqualTo(CallInformationStatus.WAITING);
        assertThat(CallInformationStatus.of(null, received, wait, received.plus(wait))).isEqualTo(CallInformationStatus.MISSING);
        assertThat(CallInformationStatus.of(call(Direction.INBOUND, null), received, wait, received.plus(Duration.ofDays(3))))
                .isEqualTo(CallInformationStatus.MATCHED);
    }
}
