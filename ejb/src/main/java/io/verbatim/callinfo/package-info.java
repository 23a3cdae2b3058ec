/**
 * What the PBX or a CTI system says about each call (direction, the two parties, times, the call flow), and from that,
 * whose recording a call is. {@link CallRecords} stores one record per PBX and call id, replaces it when sent again,
 * and matches it to the call's recordings whichever of the two arrives first; {@link OwnerRules} picks the owner from
 * the call flow when a trunk or gateway recorded the call. It sets the owner on {@code io.verbatim.recording}'s
 * {@code Recording} and takes the sender's PBX from {@code io.verbatim.directory}; ingest calls it to match a recording
 * that arrives after its record.
 */
package io.verbatim.callinfo;
