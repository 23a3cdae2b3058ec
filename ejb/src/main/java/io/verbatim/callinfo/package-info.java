/**
 * What the PBX or a CTI system says about each call (direction, the two parties, times, the call flow), and from that,
 * the rules for whose recording a call is. {@link CallRecords} stores one record per PBX and call id, replaces it when
 * sent again, and announces it ({@link CallRecordReceived}); {@link OwnerRules} picks the owner from the call flow when a
 * trunk or gateway recorded the call. It knows no recording: {@code io.verbatim.recording} applies the rules to the
 * call's recordings, whichever of the record and the recording arrives first. The sender's PBX comes from
 * {@code io.verbatim.tenancy}.
 */
package io.verbatim.callinfo;
