package io.verbatim.recording;

import io.verbatim.callinfo.Direction;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person or system looks for in the catalog, built from {@link #page} by naming each filter wanted. Every
 * filter is optional: {@code text} matches file name, owner, call id, the text of a note, and the parties' names and
 * numbers (a number however it is written, {@code io.verbatim.callinfo.PhoneNumber}), with {@code *} as a wildcard;
 * {@code number} matches a party's number only; {@code unassigned} keeps recordings whose owner is no user of their
 * PBX (a trunk or an unregistered extension the owner rules could not resolve); {@code protectedOnly} and
 * {@code withNotes} keep the protected ones and those with notes; {@code minSeconds} and {@code maxSeconds} bound the
 * duration (a recording not converted yet has none and is left out by either).
 */
public record RecordingQuery(String owner, String pbx, Instant from, Instant to, String text, String number, Direction direction,
                             RecordingState state, String callId, boolean unassigned, boolean protectedOnly, boolean withNotes,
                             Integer minSeconds, Integer maxSeconds, Order order, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    /** The orders a list can be in: a column, ascending or descending; newest first unless asked. */
    public enum Sort {
        START, DURATION, OWNER, STATE;

        /** A sort as the API names it: {@code start}, {@code -start} (descending), {@code duration}, {@code owner}, {@code state}. */
        public static Order parse(String text) {
            if (text == null || text.isBlank()) {
                return Order.NEWEST;
            }
            boolean descending = text.strip().startsWith("-");
            String name = text.strip().substring(descending ? 1 : 0).toUpperCase(Locale.ROOT);
            try {
                return new Order(valueOf(name), descending);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort must be one of " + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ", with - before it for descending; not " + text);
            }
        }
    }

    /** A column and its direction. */
    public record Order(Sort by, boolean descending) {
        public static final Order NEWEST = new Order(Sort.START, true);
    }

    public RecordingQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (order == null) {
            order = Order.NEWEST;
        }
        if ((minSeconds != null && minSeconds < 0) || (maxSeconds != null && maxSeconds < 0)) {
            throw new IllegalArgumentException("a duration must not be negative");
        }
        if (minSeconds != null && maxSeconds != null && minSeconds > maxSeconds) {
            throw new IllegalArgumentException("the shortest duration (" + minSeconds + " s) is longer than the longest (" + maxSeconds + " s)");
        }
    }

    /** Everything, newest first, from {@code offset}, at most {@code limit}. */
    public static RecordingQuery page(int offset, int limit) {
        return new RecordingQuery(null, null, null, null, null, null, null, null, null, false, false, false, null, null, Order.NEWEST, offset,
                limit);
    }

    /** Started from {@code from} (inclusive) until {@code to} (exclusive); either may be null. */
    public RecordingQuery between(Instant from, Instant to) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery withText(String text) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery withNumber(String number) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery inDirection(Direction direction) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery ownedBy(String owner) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery inState(RecordingState state) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery ofCall(String callId) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery unassignedOnly(boolean unassigned) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    /** Only protected recordings (exempt from retention), when {@code protectedOnly}. */
    public RecordingQuery protectedOnly(boolean protectedOnly) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    /** Only recordings someone wrote a note on, when {@code withNotes}. */
    public RecordingQuery withNotesOnly(boolean withNotes) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    /** Only recordings of that PBX (the operator's filter; anyone else sees one PBX anyway). */
    public RecordingQuery ofPbx(String pbx) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    /** Only calls that lasted at least {@code minSeconds} and at most {@code maxSeconds}, either null for no bound. */
    public RecordingQuery lasting(Integer minSeconds, Integer maxSeconds) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }

    public RecordingQuery sortedBy(Order order) {
        return new RecordingQuery(owner, pbx, from, to, text, number, direction, state, callId, unassigned, protectedOnly, withNotes, minSeconds, maxSeconds, order, offset, limit);
    }
}
