package io.verbatim.callinfo;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whose recording a call is. A phone or softphone records its own user's calls: the capture's user owns them. A
 * trunk or gateway records calls of many: an outgoing call belongs to the user who placed it, an incoming one (also
 * through a waiting queue) to the first user who answered or picked it up. Without an answer the owner is unknown
 * and the recording waits, unassigned, for an administrator.
 */
public final class OwnerRules {

    private OwnerRules() {
    }

    /**
     * @param captureUser   the user the capture's name gives
     * @param call          the call's record, when it has come
     * @param isUser        whether a username is a user of the tenant (a capture user who is one is a phone's user)
     * @param numberOwner   the username a number belongs to, if any
     * @return the owner, or empty when the rules cannot tell
     */
    public static Optional<String> ownerOf(String captureUser, CallRecord call, Predicate<String> isUser,
                                           Function<String, Optional<String>> numberOwner) {
        if (captureUser != null && isUser.test(captureUser)) {
            return Optional.of(captureUser);
        }
        if (call == null) {
            return Optional.empty();
        }
        if (call.getDirection() == Direction.OUTBOUND) {
            return first(call, CallEventType.INITIATED, isUser)
                    .or(() -> Optional.ofNullable(call.getLocalNumber()).flatMap(numberOwner));
        }
        return first(call, CallEventType.ANSWERED, isUser).or(() -> first(call, CallEventType.PICKED_UP, isUser));
    }

    private static Optional<String> first(CallRecord call, CallEventType type, Predicate<String> isUser) {
        return call.getEvents().stream()
                .filter(e -> e.getType() == type && e.getUsername() != null && isUser.test(e.getUsername()))
                .map(CallEvent::getUsername)
                .findFirst();
    }
}
