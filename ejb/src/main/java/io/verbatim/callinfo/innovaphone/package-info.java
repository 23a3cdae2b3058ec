/**
 * Call information straight from an innovaphone PBX: the CDRs its CDR0/CDR1 interface sends (HTTP mode) read as
 * innovaphone documents them ({@link io.verbatim.callinfo.innovaphone.InnovaphoneCdr}), the CDRs of one call's objects
 * made into one call record ({@link io.verbatim.callinfo.innovaphone.InnovaphoneCall}), filed and refused CDRs kept
 * ({@link io.verbatim.callinfo.innovaphone.PbxCdrs}). It hands records to {@code io.verbatim.callinfo}, never the
 * other way.
 */
package io.verbatim.callinfo.innovaphone;
