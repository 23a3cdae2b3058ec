package io.verbatim.media.rtp;

/**
 * One RTP packet (RFC 3550) as it arrived: header fields and where the payload sits in the datagram.
 * The payload excludes CSRCs, header extension and padding.
 */
public record RtpPacket(int payloadType, boolean marker, int sequenceNumber, long timestamp, long ssrc,
                        byte[] datagram, int payloadOffset, int payloadLength) {

    private static final int FIXED_HEADER = 12;

    /** @return the packet, or {@code null} when the datagram is not a well-formed RTP packet */
    public static RtpPacket parse(byte[] d, int length) {
        return parse(d, 0, length);
    }

    /**
     * Parses the datagram at {@code d[start .. start + length)}.
     *
     * @return the packet, whose payload offset counts from {@code d[0]}, or {@code null} when the datagram is not
     *         a well-formed RTP packet
     */
    public static RtpPacket parse(byte[] d, int start, int length) {
        if (length < FIXED_HEADER || (d[start] & 0xc0) != 0x80) {
            return null;
        }
        int first = d[start];
        int second = d[start + 1] & 0xff;
        int payloadType = second & 0x7f;
        // RTCP shares the port in RFC 5761 muxing; its packet types land on 64..95 once the marker bit is masked
        if (payloadType >= 64 && payloadType <= 95) {
            return null;
        }
        int csrcCount = first & 0x0f;
        int offset = FIXED_HEADER + 4 * csrcCount;
        if (offset > length) {
            return null;
        }
        if ((first & 0x10) != 0) {
            if (offset + 4 > length) {
                return null;
            }
            int words = ((d[start + offset + 2] & 0xff) << 8) | (d[start + offset + 3] & 0xff);
            offset += 4 + 4 * words;
            if (offset > length) {
                return null;
            }
        }
        int end = length;
        if ((first & 0x20) != 0) {
            int padding = d[start + length - 1] & 0xff;
            if (padding == 0 || offset + padding > length) {
                return null;
            }
            end -= padding;
        }
        int sequence = ((d[start + 2] & 0xff) << 8) | (d[start + 3] & 0xff);
        long timestamp = ((long) (d[start + 4] & 0xff) << 24) | ((d[start + 5] & 0xff) << 16)
                | ((d[start + 6] & 0xff) << 8) | (d[start + 7] & 0xff);
        long ssrc = ((long) (d[start + 8] & 0xff) << 24) | ((d[start + 9] & 0xff) << 16)
                | ((d[start + 10] & 0xff) << 8) | (d[start + 11] & 0xff);
        return new RtpPacket(payloadType, (second & 0x80) != 0, sequence, timestamp, ssrc, d, start + offset, end - offset);
    }

    /** A 16-bit sequence number extended past its wrap, from the extended number of the packet before it. */
    public static long extendSequence(long previous, int sequenceNumber) {
        return previous + (short) (sequenceNumber - (int) (previous & 0xffff));
    }

    /** A 32-bit timestamp extended past its wrap, from the extended timestamp of the packet before it. */
    public static long extendTimestamp(long previous, long timestamp) {
        return previous + (int) (timestamp - (previous & 0xffffffffL));
    }
}
