package io.verbatim.media;

/**
 * One RTP packet (RFC 3550) as it arrived: header fields and where the payload sits in the datagram.
 * The payload excludes CSRCs, header extension and padding.
 */
public record RtpPacket(int payloadType, boolean marker, int sequenceNumber, long timestamp, long ssrc,
                        byte[] datagram, int payloadOffset, int payloadLength) {

    private static final int FIXED_HEADER = 12;

    /** @return the packet, or {@code null} when the datagram is not a well-formed RTP packet */
    public static RtpPacket parse(byte[] d, int length) {
        if (length < FIXED_HEADER || (d[0] & 0xc0) != 0x80) {
            return null;
        }
        int second = d[1] & 0xff;
        int payloadType = second & 0x7f;
        // RTCP shares the port in RFC 5761 muxing; its packet types land on 64..95 once the marker bit is masked
        if (payloadType >= 64 && payloadType <= 95) {
            return null;
        }
        int csrcCount = d[0] & 0x0f;
        int offset = FIXED_HEADER + 4 * csrcCount;
        if (offset > length) {
            return null;
        }
        if ((d[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return null;
            }
            int words = ((d[offset + 2] & 0xff) << 8) | (d[offset + 3] & 0xff);
            offset += 4 + 4 * words;
            if (offset > length) {
                return null;
            }
        }
        int end = length;
        if ((d[0] & 0x20) != 0) {
            int padding = d[length - 1] & 0xff;
            if (padding == 0 || offset + padding > length) {
                return null;
            }
            end -= padding;
        }
        int sequence = ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        long timestamp = ((long) (d[4] & 0xff) << 24) | ((d[5] & 0xff) << 16) | ((d[6] & 0xff) << 8) | (d[7] & 0xff);
        long ssrc = ((long) (d[8] & 0xff) << 24) | ((d[9] & 0xff) << 16) | ((d[10] & 0xff) << 8) | (d[11] & 0xff);
        return new RtpPacket(payloadType, (second & 0x80) != 0, sequence, timestamp, ssrc, d, offset, end - offset);
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
