package io.verbatim.callinfo;

/** Steps of a call's flow that owner rules and people reading a call care about. */
public enum CallEventType {
    /** A user placed the call. */
    INITIATED,
    /** The call waits in a queue or hunt group. */
    QUEUED,
    RINGING,
    /** A user answered. */
    ANSWERED,
    /** A user picked up a call ringing elsewhere. */
    PICKED_UP,
    FORWARDED,
    TRANSFERRED,
    HELD,
    RESUMED,
    ENDED
}
