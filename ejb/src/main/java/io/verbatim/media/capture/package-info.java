/**
 * Stage 1, reading a capture: pcap and pcapng files (our own streaming parser, with libpcap through pcap4j as a
 * second reader the tests hold it against), link layers, IPv4/IPv6 and UDP, handed on as {@link UdpDatagram}s with
 * their capture time. It knows nothing of RTP. A file it cannot read, or whose content is damaged beyond converting,
 * is a {@link DamagedCaptureException}. Uses no other stage.
 */
package io.verbatim.media.capture;
