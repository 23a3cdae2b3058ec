package io.verbatim.media;

/** A UDP datagram found in a capture, with the capture time of its frame in nanoseconds since the epoch. */
public record UdpDatagram(long captureNanos, Endpoint source, Endpoint destination, byte[] payload) {
}
