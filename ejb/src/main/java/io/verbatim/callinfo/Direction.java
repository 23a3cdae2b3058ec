package io.verbatim.callinfo;

/** Which way a call went, seen from the PBX's users. */
public enum Direction {
    INBOUND, OUTBOUND, INTERNAL
}
