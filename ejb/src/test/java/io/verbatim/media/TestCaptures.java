package io.verbatim.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small, exact captures for tests: classic pcap, Ethernet, IPv4, UDP, RTP. */
public final class TestCaptures {

    private TestCaptures() {
    }

    public static byte[] rtp(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80);
        b.put((byte) ((marker ? 0x80 : 0) | payloadType));
        b.putShort((short) sequence);
        b.putInt((int) timestamp);
        b.putInt((int) ssrc);
        b.put(payload);
        return b.array();
    }

    /** A payload of {@code length} bytes all equal to {@code code}: a constant level that is easy to find. */
    public static byte[] constant(int code, int length) {
        byte[] p = new byte[length];
        java.util.Arrays.fill(p, (byte) code);
        return p;
    }

    /** Link layers a capture may use, with their pcap link type. */
    public enum Link {
        ETHERNET(1), VLAN(1), QINQ(1), LINUX_SLL(113), LINUX_SLL2(276), BSD_LOOPBACK(0), RAW_IP(101);

        final int type;

        Link(int type) {
            this.type = type;
        }

        /** The link header in front of an IP packet. */
        byte[] header(boolean ipv6) {
            int etherType = ipv6 ? 0x86dd : 0x0800;
            ByteBuffer b = ByteBuffer.allocate(24);
            switch (this) {
                case ETHERNET -> b.put(MACS).putShort((short) etherType);
                case VLAN -> b.put(MACS).putShort((short) 0x8100).putShort((short) 42).putShort((short) etherType);
                case QINQ -> b.put(MACS).putShort((short) 0x88a8).putShort((short) 7).putShort((short) 0x8100)
                        .putShort((short) 42).putShort((short) etherType);
                case LINUX_SLL -> b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(MACS, 0, 6)
                        .putShort((short) 0).putShort((short) etherType);
                case LINUX_SLL2 -> b.putShort((short) etherType).putShort((short) 0).putInt(2).putShort((short) 1)
                        .put((byte) 0).put((byte) 6).put(MACS, 0, 6).putShort((short) 0);
                case BSD_LOOPBACK -> b.order(ByteOrder.LITTLE_ENDIAN).putInt(ipv6 ? 30 : 2);
                case RAW_IP -> { }
            }
            return java.util.Arrays.copyOf(b.array(), b.position());
        }

        private static final byte[] MACS = {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6};
    }

    /** A classic pcap: Ethernet, little-endian microseconds unless told otherwise. */
    public static final class PcapBuilder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;
        private final boolean nanoseconds;
        private final Link link;

        public PcapBuilder() {
            this(ByteOrder.LITTLE_ENDIAN, false);
        }

        public PcapBuilder(ByteOrder order, boolean nanoseconds) {
            this(order, nanoseconds, Link.ETHERNET);
        }

        public PcapBuilder(ByteOrder order, boolean nanoseconds, Link link) {
            this.order = order;
            this.nanoseconds = nanoseconds;
            this.link = link;
            ByteBuffer h = ByteBuffer.allocate(24).order(order);
            h.putInt(nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(65535).putInt(link.type);
            out.writeBytes(h.array());
        }

        public PcapBuilder udp(long micros, String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
            return udpAtNanos(micros * 1000, srcIp, srcPort, dstIp, dstPort, payload);
        }

        public PcapBuilder udpAtNanos(long nanos, String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
            byte[] frame = frame(link, srcIp, srcPort, dstIp, dstPort, payload);
            long fraction = nanoseconds ? nanos % 1_000_000_000 : (nanos % 1_000_000_000) / 1000;
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            r.putInt((int) (nanos / 1_000_000_000)).putInt((int) fraction).putInt(frame.length).putInt(frame.length);
            out.writeBytes(r.array());
            out.writeBytes(frame);
            return this;
        }

        /** Appends raw bytes, e.g. a record header that promises more than the file holds. */
        public PcapBuilder raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        public Path write(Path file) throws IOException {
            return Files.write(file, bytes());
        }
    }

    /** A pcapng file: one section, one Ethernet interface with microsecond timestamps, Enhanced Packet Blocks. */
    public static final class PcapngBuilder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public PcapngBuilder() {
            ByteBuffer shb = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            shb.putInt(0x0a0d0d0a).putInt(28).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
            out.writeBytes(shb.array());
            ByteBuffer idb = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            idb.putInt(1).putInt(20).putShort((short) 1).putShort((short) 0).putInt(65535).putInt(20);
            out.writeBytes(idb.array());
        }

        public PcapngBuilder udp(long micros, String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
            byte[] frame = ethernetIpv4Udp(srcIp, srcPort, dstIp, dstPort, payload);
            int padded = (frame.length + 3) & ~3;
            int length = 32 + padded;
            ByteBuffer epb = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            epb.putInt(6).putInt(length).putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros)
                    .putInt(frame.length).putInt(frame.length).put(frame);
            epb.position(28 + padded);
            epb.putInt(length);
            out.writeBytes(epb.array());
            return this;
        }

        public Path write(Path file) throws IOException {
            return Files.write(file, out.toByteArray());
        }
    }

    static byte[] ethernetIpv4Udp(String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
        return frame(Link.ETHERNET, srcIp, srcPort, dstIp, dstPort, payload);
    }

    /** A link header, an IPv4 or IPv6 header (by the addresses' form) and a UDP datagram. */
    static byte[] frame(Link link, String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
        boolean ipv6 = srcIp.contains(":");
        byte[] header = link.header(ipv6);
        int udpLength = 8 + payload.length;
        ByteBuffer b = ByteBuffer.allocate(header.length + (ipv6 ? 40 : 20) + udpLength);
        b.put(header);
        int ipStart = b.position();
        if (ipv6) {
            b.putInt(0x60000000).putShort((short) udpLength).put((byte) 17).put((byte) 64)
                    .put(address(srcIp)).put(address(dstIp));
        } else {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + udpLength)).putShort((short) 0).putShort((short) 0x4000)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).put(ipv4(srcIp)).put(ipv4(dstIp));
            int sum = 0;
            for (int i = 0; i < 20; i += 2) {
                sum += ((b.get(ipStart + i) & 0xff) << 8) | (b.get(ipStart + i + 1) & 0xff);
            }
            sum = (sum & 0xffff) + (sum >> 16);
            sum = (sum & 0xffff) + (sum >> 16);
            b.putShort(ipStart + 10, (short) ~sum);
        }
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) udpLength).putShort((short) 0).put(payload);
        return b.array();
    }

    private static byte[] address(String ip) {
        try {
            return java.net.InetAddress.getByName(ip).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    private static byte[] ipv4(String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] a = new byte[4];
        for (int i = 0; i < 4; i++) {
            a[i] = (byte) Integer.parseInt(parts[i]);
        }
        return a;
    }
}
