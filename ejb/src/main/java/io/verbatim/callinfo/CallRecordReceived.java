package io.verbatim.callinfo;

/**
 * A call's record arrived, new or replacing an earlier one: the recordings of that call may now get their owner. Fired
 * in the receiving transaction; whoever matches recordings to it says how many it found, which the sender is told.
 */
public final class CallRecordReceived {

    private final CallRecord record;
    private int recordingsMatched;

    CallRecordReceived(CallRecord record) {
        this.record = record;
    }

    public CallRecord record() {
        return record;
    }

    /** The number of the call's recordings found for this record. */
    public void matched(int recordings) {
        recordingsMatched += recordings;
    }

    int recordingsMatched() {
        return recordingsMatched;
    }
}
