package io.verbatim.media.capture;

/**
 * A UDP datagram found in a capture, with the capture time of its frame in nanoseconds since the epoch. Its bytes
 * are {@code data[offset .. offset + length)}: a view into the reader's frame buffer, valid only while the sink
 * that receives it runs, so that reading a capture copies no payload; {@link #payload()} copies them out.
 */
public record UdpDatagram(long captureNanos, Endpoint source, Endpoint destination, byte[] data, int offset, int length) {

    /** A datagram that owns its bytes. */
    public UdpDatagram(long captureNanos, Endpoint source, Endpoint destination, byte[] payload) {
        this(captureNanos, source, destination, payload, 0, payload.length);
    }

    /** A copy of the datagram's bytes, to keep beyond the sink call. */
    public byte[] payload() {
        return java.util.Arrays.copyOfRange(data, offset, offset + length);
    }
}
