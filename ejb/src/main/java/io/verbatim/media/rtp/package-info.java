/**
 * Stage 2, RTP: packets ({@link RtpPacket}), the streams of a call by source, destination and SSRC ({@link RtpStream}),
 * what their payload types mean ({@link PayloadMap}: RFC 3551, the capture's own SDP, or the packets themselves), and
 * placing each stream's frames on the call's timeline by capture time and RTP timestamp ({@link StreamPlacer}), with
 * losses, reordering and late packets. Uses {@code capture} for datagrams and {@code codec} for what a payload is.
 */
package io.verbatim.media.rtp;
