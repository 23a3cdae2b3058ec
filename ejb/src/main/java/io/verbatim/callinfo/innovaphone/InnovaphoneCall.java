package io.verbatim.callinfo.innovaphone;

import io.verbatim.callinfo.CallEventType;
import io.verbatim.callinfo.CallRecordData;
import io.verbatim.callinfo.Direction;
import io.verbatim.callinfo.innovaphone.InnovaphoneCdr.Event;
import io.verbatim.callinfo.innovaphone.InnovaphoneCdr.Party;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call as the CDRs of all objects it touched describe it (the caller's, the callee's, a trunk's, a queue's; they
 * come one by one, in any order): which way it went, who the two parties were, when it started, was answered and
 * ended, and its flow, each step with the user involved so the owner rules can use it.
 */
public final class InnovaphoneCall {

    private InnovaphoneCall() {
    }

    /**
     * The call record of {@code callId} on {@code pbx} from the CDRs that name it.
     *
     * @param cdrs at least one
     */
    public static CallRecordData of(String pbx, String callId, List<InnovaphoneCdr> cdrs) {
        // a CDR that names this call only from a transfer on tells of it from there: before, it was another call
        List<InnovaphoneCdr> sorted = cdrs.stream().map(c -> c.from(callId)).sorted(Comparator.comparing(InnovaphoneCdr::start)).toList();
        List<InnovaphoneCdr> users = sorted.stream().filter(InnovaphoneCdr::user).filter(c -> c.dir().equals("from") || c.dir().equals("to")).toList();
        boolean throughTrunk = sorted.stream().anyMatch(InnovaphoneCdr::trunk); // a queue or voicemail is inside the PBX
        boolean external = throughTrunk || users.stream().anyMatch(c -> c.events().stream().anyMatch(Event::external));

        Optional<InnovaphoneCdr> caller = users.stream().filter(c -> c.dir().equals("from")).findFirst();
        Optional<InnovaphoneCdr> callee = users.stream().filter(c -> c.dir().equals("to"))
                .min(Comparator.comparing((InnovaphoneCdr c) -> !answered(c))); // the one who answered, else the first rung
        Direction direction;
        Party local;
        Party remote;
        if (!external) {
            direction = Direction.INTERNAL;
            local = caller.map(InnovaphoneCdr::object).orElseGet(() -> callee.map(c -> otherParty(c, "setup-to")).orElse(null));
            remote = callee.map(InnovaphoneCdr::object).orElseGet(() -> caller.map(c -> otherParty(c, "conn-to", "alert-to", "setup-from")).orElse(null));
        } else if (caller.isPresent() && (callee.isEmpty() || !trunkSaysInbound(sorted))) {
            direction = Direction.OUTBOUND;
            local = caller.get().object();
            remote = otherParty(caller.get(), "conn-to", "alert-to", "setup-from", "info-from");
        } else if (callee.isPresent()) {
            direction = Direction.INBOUND;
            local = callee.get().object();
            remote = otherParty(callee.get(), "setup-to", "conn-from", "alert-from");
        } else { // no user's CDR: the trunk's tells whether it came from the trunk (dir from) or went out through it
            InnovaphoneCdr trunk = sorted.stream().filter(InnovaphoneCdr::trunk).findFirst().orElse(sorted.get(0));
            direction = trunk.dir().equals("from") ? Direction.INBOUND : Direction.OUTBOUND;
            local = otherParty(trunk, "conn-to", "alert-to", "setup-to", "setup-from");
            remote = new Party(trunk.object().number(), null, null);
        }

        List<CallRecordData.Event> flow = flow(sorted);
        Instant start = sorted.get(0).start();
        Instant connect = flow.stream().filter(e -> e.type() == CallEventType.ANSWERED).map(CallRecordData.Event::at).findFirst().orElse(null);
        // the last release of any leg: a transferred call goes on after its first leg ended, a missed ring ends early
        Instant end = sorted.stream().flatMap(c -> c.events().stream()).filter(InnovaphoneCall::release)
                .map(Event::at).max(Comparator.naturalOrder()).orElse(null);
        if (end != null) {
            flow.add(new CallRecordData.Event(CallEventType.ENDED, end, null, null, null));
        }
        return new CallRecordData(callId, pbx, direction, local == null ? null : local.number(), local == null ? null : local.name(),
                remote == null ? null : remote.number(), remote == null ? null : remote.name(), start, connect, end, flow);
    }

    private static boolean release(Event e) {
        return e.msg().startsWith("rel-") || e.msg().startsWith("disc-");
    }

    private static boolean answered(InnovaphoneCdr cdr) {
        return cdr.events().stream().anyMatch(e -> e.msg().equals("conn-from"));
    }

    /** A trunk's CDR with dir "from": the call came in through it. */
    private static boolean trunkSaysInbound(List<InnovaphoneCdr> cdrs) {
        return cdrs.stream().anyMatch(c -> c.trunk() && c.dir().equals("from"));
    }

    /** The other party as the first of these events (in this order of preference) names it. */
    private static Party otherParty(InnovaphoneCdr cdr, String... msgs) {
        for (String msg : msgs) {
            Optional<Party> named = cdr.events().stream().filter(e -> e.msg().equals(msg) && !e.party().isEmpty()).map(Event::party).findFirst();
            if (named.isPresent()) {
                return named.get();
            }
        }
        return cdr.events().stream().map(Event::party).filter(p -> !p.isEmpty()).findFirst().orElse(null);
    }

    /**
     * Every CDR's events in time order, each step once (caller's and callee's CDRs tell the same answer twice); the
     * releases are left to the one end of the call.
     */
    private static List<CallRecordData.Event> flow(List<InnovaphoneCdr> cdrs) {
        List<CallRecordData.Event> steps = new ArrayList<>();
        Set<List<Object>> seen = new LinkedHashSet<>();
        cdrs.stream().flatMap(cdr -> cdr.events().stream().map(e -> step(cdr, e)).filter(Objects::nonNull))
                .sorted(Comparator.comparing(CallRecordData.Event::at))
                .forEach(step -> {
                    if (seen.add(List.of(step.type(), String.valueOf(step.number()), String.valueOf(step.user())))) {
                        steps.add(step);
                    }
                });
        return steps;
    }

    /**
     * An innovaphone event as a step of the flow, naming who it concerns: the object for {@code …-from} events, the
     * other party for {@code …-to}; a user only when the party is one (a trunk's H.323 name is no user).
     */
    private static CallRecordData.Event step(InnovaphoneCdr cdr, Event e) {
        CallEventType type = switch (e.msg()) {
            case "setup-from", "setup-to" -> CallEventType.INITIATED;
            case "alert-from", "alert-to" -> CallEventType.RINGING;
            case "conn-from", "conn-to", "connected" -> CallEventType.ANSWERED;
            case "transfer-from", "transfer-to", "transferred", "transfer-remote" -> CallEventType.TRANSFERRED;
            case "cf-from", "cf-to" -> CallEventType.FORWARDED;
            default -> null; // releases (the call's end is one step), info-from/-to (post-dialling), lookup: not steps of the call
        };
        if (type == null) {
            return null;
        }
        if (type == CallEventType.TRANSFERRED || type == CallEventType.FORWARDED) {
            Party target = e.to() != null ? e.to() : e.party();
            return new CallRecordData.Event(type, e.at(), target.number(), target.name(), null);
        }
        boolean byObject = e.byObject() && !e.msg().equals("connected");
        Party who = byObject ? cdr.object() : e.party();
        String user = byObject ? (cdr.user() ? who.h323() : null) : (e.external() ? null : who.h323());
        return new CallRecordData.Event(type, e.at(), who.number(), who.name(), user);
    }
}
