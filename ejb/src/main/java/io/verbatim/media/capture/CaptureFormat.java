package io.verbatim.media.capture;

/** The container formats a recording device may upload, recognised by their first four bytes. */
public enum CaptureFormat {
    PCAP, PCAPNG;

    /** How many leading bytes {@link #detect} needs. */
    public static final int MAGIC_LENGTH = 4;

    /** @return the format, or {@code null} when the bytes start neither a pcap nor a pcapng file */
    public static CaptureFormat detect(byte[] head, int length) {
        if (length < MAGIC_LENGTH) {
            return null;
        }
        int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        return switch (magic) {
            // microsecond and nanosecond pcap, in either byte order
            case 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1 -> PCAP;
            // pcapng starts with a Section Header Block, whose type reads the same in both byte orders
            case 0x0a0d0d0a -> PCAPNG;
            default -> null;
        };
    }
}
