package io.verbatim.media.capture;

/** Where the IP packet starts in a captured frame, by the fixed layout of its link type. */
final class LinkLayer {

    private LinkLayer() {
    }

    /** Whether frames of this link type can be read here. */
    static boolean known(int linkType) {
        return switch (linkType) {
            case 0, 1, 12, 14, 101, 108, 113, 228, 229, 276 -> true;
            default -> false;
        };
    }

    /** @return the offset of the IP header in {@code frame[0..length)}, or -1 when there is none */
    static int ipOffset(int linkType, byte[] frame, int length) {
        int offset = switch (linkType) {
            case 1 -> ethernetPayload(frame, length);       // Ethernet, with any 802.1Q/QinQ tags
            case 113 -> length >= 16 ? 16 : -1;             // Linux cooked capture (SLL)
            case 276 -> length >= 20 ? 20 : -1;             // Linux cooked capture v2 (SLL2)
            case 0, 108 -> length >= 4 ? 4 : -1;            // BSD loopback / OpenBSD loop
            case 12, 14, 101, 228, 229 -> 0;                // raw IP
            default -> -1;
        };
        if (offset < 0 || offset >= length) {
            return -1;
        }
        int version = (frame[offset] >> 4) & 0x0f;
        return version == 4 || version == 6 ? offset : -1;
    }

    private static int ethernetPayload(byte[] frame, int length) {
        int at = 12;
        while (at + 2 <= length) {
            int type = ((frame[at] & 0xff) << 8) | (frame[at + 1] & 0xff);
            if (type == 0x8100 || type == 0x88a8 || type == 0x9100) {
                at += 4;
            } else {
                return type == 0x0800 || type == 0x86dd ? at + 2 : -1;
            }
        }
        return -1;
    }
}
