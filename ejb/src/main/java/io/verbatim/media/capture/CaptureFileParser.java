package io.verbatim.media.capture;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Our own streaming reader of pcap and pcapng files, for the hot path: one pass through a buffered stream,
 * UDP over IPv4/IPv6 picked out by hand, no object per protocol layer. The benchmark showed pcap4j's
 * per-packet parsing bounding G.711 conversion; {@link LibpcapCaptureReader} still reads what this one does
 * not know (other link types), and a test holds both to the same output on the whole corpus.
 */
final class CaptureFileParser {

    /** The capture uses a link type this parser does not read (pcap: known before any packet). */
    static final class UnknownLinkType extends Exception {
        UnknownLinkType(int linkType) {
            super("link type " + linkType);
        }
    }

    private static final int MAX_RECORD = 262_144; // libpcap's largest snapshot length
    private static final int MAX_BLOCK = 16 * 1024 * 1024;

    private final Map<Long, Endpoint> ipv4Endpoints = new HashMap<>();
    private static final int RECENT_ENDPOINTS = 64;
    private final long[] recentKeys = new long[RECENT_ENDPOINTS];
    private final Endpoint[] recentEndpoints = new Endpoint[RECENT_ENDPOINTS];
    private long frames;
    private long datagrams;
    private long damaged;

    CaptureReader.Summary read(Path capture, Consumer<UdpDatagram> sink) throws UnknownLinkType {
        try (Input in = new Input(Files.newInputStream(capture))) {
            byte[] magic = new byte[4];
            if (in.readFully(magic, 4) < 4) {
                throw new DamagedCaptureException("not a readable pcap/pcapng capture: shorter than a file header");
            }
            CaptureFormat format = CaptureFormat.detect(magic, 4);
            if (format == null) {
                throw new DamagedCaptureException("not a readable pcap/pcapng capture: unknown file format");
            }
            String truncation = format == CaptureFormat.PCAP ? readPcap(in, magic, sink) : readPcapng(in, sink);
            if (frames == 0 && truncation != null) {
                throw new DamagedCaptureException("capture has no readable frame: " + truncation);
            }
            return new CaptureReader.Summary(frames, datagrams, damaged, truncation);
        } catch (IOException e) {
            throw new DamagedCaptureException("not a readable pcap/pcapng capture: " + e.getMessage(), e);
        }
    }

    private String readPcap(Input in, byte[] magic, Consumer<UdpDatagram> sink) throws IOException, UnknownLinkType {
        int m = ByteBuffer.wrap(magic).getInt();
        ByteOrder order = m == 0xa1b2c3d4 || m == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean nanos = m == 0xa1b23c4d || m == 0x4d3cb2a1;
        byte[] rest = new byte[20];
        if (in.readFully(rest, 20) < 20) {
            throw new DamagedCaptureException("not a readable pcap/pcapng capture: truncated file header");
        }
        int linkType = ByteBuffer.wrap(rest).order(order).getInt(16) & 0xffff;
        if (!LinkLayer.known(linkType)) {
            throw new UnknownLinkType(linkType);
        }
        byte[] header = new byte[16];
        byte[] frame = new byte[MAX_RECORD];
        ByteBuffer h = ByteBuffer.wrap(header).order(order);
        while (true) {
            int n = in.readFully(header, 16);
            if (n == 0) {
                return null;
            }
            if (n < 16) {
                return "truncated dump file; tried to read a 16-byte record header, only got " + n;
            }
            long seconds = h.getInt(0) & 0xffffffffL;
            long fraction = h.getInt(4) & 0xffffffffL;
            int length = h.getInt(8);
            if (length < 0 || length > MAX_RECORD) {
                return "invalid packet capture length " + (length & 0xffffffffL);
            }
            int got = in.readFully(frame, length);
            if (got < length) {
                return "truncated dump file; tried to read " + length + " captured bytes, only got " + got;
            }
            frames++;
            if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
                damaged++; // a sub-second field past the second
                continue;
            }
            frame(linkType, frame, length, seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000), sink);
        }
    }

    /** One interface of a pcapng section: its link type and timestamp units per second. */
    private record Interface(int linkType, long unitsPerSecond) {
    }

    private String readPcapng(Input in, Consumer<UdpDatagram> sink) throws IOException {
        byte[] head = new byte[8];
        System.arraycopy(new byte[]{0x0a, 0x0d, 0x0d, 0x0a}, 0, head, 0, 4);
        if (in.readFully(head, 4, 4) < 4) {
            throw new DamagedCaptureException("not a readable pcap/pcapng capture: truncated section header");
        }
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        List<Interface> interfaces = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (!first) {
                int n = in.readFully(head, 8);
                if (n == 0) {
                    return null;
                }
                if (n < 8) {
                    return "truncated block header";
                }
            }
            int type = ByteBuffer.wrap(head).order(order).getInt(0);
            long total;
            byte[] body;
            if (type == 0x0a0d0d0a) {
                // Section Header Block: the byte-order magic comes after the length, so read it first
                byte[] bom = new byte[4];
                if (in.readFully(bom, 4) < 4) {
                    return "truncated section header";
                }
                int magic = ByteBuffer.wrap(bom).getInt();
                order = magic == 0x1a2b3c4d ? ByteOrder.BIG_ENDIAN : magic == 0x4d3c2b1a ? ByteOrder.LITTLE_ENDIAN : null;
                if (order == null) {
                    if (first) {
                        throw new DamagedCaptureException("not a readable pcap/pcapng capture: bad byte-order magic");
                    }
                    return "bad byte-order magic in a section header";
                }
                total = ByteBuffer.wrap(head).order(order).getInt(4) & 0xffffffffL;
                if (total < 28 || total > MAX_BLOCK || total % 4 != 0) {
                    if (first) {
                        throw new DamagedCaptureException("not a readable pcap/pcapng capture: bad section header length");
                    }
                    return "bad section header length " + total;
                }
                body = new byte[(int) total - 12];
                if (in.readFully(body, body.length) < body.length) {
                    return "truncated section header";
                }
                interfaces.clear();
                first = false;
                continue;
            }
            first = false;
            total = ByteBuffer.wrap(head).order(order).getInt(4) & 0xffffffffL;
            if (total < 12 || total > MAX_BLOCK || total % 4 != 0) {
                return "bad block length " + total;
            }
            body = new byte[(int) total - 8];
            int got = in.readFully(body, body.length);
            if (got < body.length) {
                return "truncated block; tried to read " + body.length + " bytes, only got " + got;
            }
            ByteBuffer b = ByteBuffer.wrap(body).order(order);
            int content = body.length - 4; // the trailing copy of the length
            switch (type) {
                case 1 -> interfaces.add(new Interface(b.getShort(0) & 0xffff, timestampUnits(b, 8, content)));
                case 6, 2 -> { // Enhanced Packet Block, obsolete Packet Block
                    if (content < 20) {
                        frames++;
                        damaged++;
                        continue;
                    }
                    int id = type == 6 ? b.getInt(0) : b.getShort(0) & 0xffff;
                    long ts = ((b.getInt(4) & 0xffffffffL) << 32) | (b.getInt(8) & 0xffffffffL);
                    int length = b.getInt(12);
                    frames++;
                    if (id < 0 || id >= interfaces.size() || length < 0 || length > content - 20) {
                        damaged++;
                        continue;
                    }
                    Interface iface = interfaces.get(id);
                    long units = iface.unitsPerSecond();
                    long seconds = Long.compareUnsigned(ts, 0) < 0 ? -1 : ts / units;
                    if (seconds < 0 || seconds > Long.MAX_VALUE / 1_000_000_000L - 1) {
                        damaged++; // a timestamp no clock of this era gives
                        continue;
                    }
                    byte[] frame = new byte[length];
                    System.arraycopy(body, 20, frame, 0, length);
                    long nanos = seconds * 1_000_000_000L + (long) ((double) (ts % units) * 1_000_000_000L / units);
                    frame(iface.linkType(), frame, length, nanos, sink);
                }
                case 3 -> frames++; // Simple Packet Block: no interface timestamp to place it by
                default -> { } // name resolution, statistics, custom blocks
            }
        }
    }

    /** if_tsresol (option 9): 10^-n or, with the top bit set, 2^-n seconds; microseconds when absent. */
    private static long timestampUnits(ByteBuffer b, int from, int end) {
        int at = from;
        while (at + 4 <= end) {
            int code = b.getShort(at) & 0xffff;
            int length = b.getShort(at + 2) & 0xffff;
            if (code == 0) {
                break;
            }
            if (code == 9 && length >= 1 && at + 4 < end) {
                int v = b.get(at + 4) & 0xff;
                int exponent = v & 0x7f;
                if ((v & 0x80) != 0) {
                    return exponent >= 62 ? 1L << 62 : 1L << exponent;
                }
                long units = 1;
                for (int i = 0; i < exponent && units < 1_000_000_000_000_000_000L; i++) {
                    units *= 10;
                }
                return units;
            }
            at += 4 + ((length + 3) & ~3);
        }
        return 1_000_000L;
    }

    /** Finds UDP in one frame and hands it on; anything else is counted and passed over. */
    private void frame(int linkType, byte[] frame, int length, long nanos, Consumer<UdpDatagram> sink) {
        int ip = LinkLayer.ipOffset(linkType, frame, length);
        if (ip < 0) {
            return;
        }
        int version = (frame[ip] >> 4) & 0x0f;
        int udp;
        int end;
        Endpoint source;
        Endpoint destination;
        if (version == 4) {
            int headerLength = (frame[ip] & 0x0f) * 4;
            if (headerLength < 20 || ip + headerLength + 8 > length || (frame[ip + 9] & 0xff) != 17) {
                return;
            }
            int flagsAndOffset = u16(frame, ip + 6);
            if ((flagsAndOffset & 0x3fff) != 0) {
                return; // a fragment: the datagram is not whole here
            }
            end = Math.min(length, ip + Math.max(u16(frame, ip + 2), headerLength));
            udp = ip + headerLength;
            source = ipv4Endpoint(frame, ip + 12, u16(frame, udp));
            destination = ipv4Endpoint(frame, ip + 16, u16(frame, udp + 2));
        } else {
            if (ip + 40 > length) {
                return;
            }
            int next = frame[ip + 6] & 0xff;
            int at = ip + 40;
            end = Math.min(length, ip + 40 + u16(frame, ip + 4));
            while (next != 17) {
                if (at + 8 > length) {
                    return;
                }
                switch (next) {
                    case 0, 43, 60 -> { // hop-by-hop, routing, destination options
                        next = frame[at] & 0xff;
                        at += ((frame[at + 1] & 0xff) + 1) * 8;
                    }
                    case 51 -> { // authentication header
                        next = frame[at] & 0xff;
                        at += ((frame[at + 1] & 0xff) + 2) * 4;
                    }
                    default -> { // fragments (44) and everything that is not UDP
                        return;
                    }
                }
            }
            udp = at;
            if (udp + 8 > length) {
                return;
            }
            source = ipv6Endpoint(frame, ip + 8, u16(frame, udp));
            destination = ipv6Endpoint(frame, ip + 24, u16(frame, udp + 2));
        }
        int udpLength = u16(frame, udp + 4);
        int payloadEnd = udpLength >= 8 ? Math.min(end, udp + udpLength) : end;
        if (payloadEnd <= udp + 8) {
            return;
        }
        datagrams++;
        sink.accept(new UdpDatagram(nanos, source, destination, frame, udp + 8, payloadEnd - udp - 8));
    }

    private Endpoint ipv4Endpoint(byte[] frame, int at, int port) {
        long key = ((long) (u16(frame, at) << 16 | u16(frame, at + 2)) & 0xffffffffL) << 16 | port;
        // a call has a handful of endpoints: a small direct-mapped cache answers nearly every lookup unboxed
        int slot = (int) (key ^ key >>> 17 ^ key >>> 33) & (RECENT_ENDPOINTS - 1);
        Endpoint recent = recentEndpoints[slot];
        if (recent != null && recentKeys[slot] == key) {
            return recent;
        }
        recentKeys[slot] = key;
        return recentEndpoints[slot] = ipv4Endpoints.computeIfAbsent(key, k -> new Endpoint(
                (frame[at] & 0xff) + "." + (frame[at + 1] & 0xff) + "." + (frame[at + 2] & 0xff) + "." + (frame[at + 3] & 0xff), port));
    }

    private static Endpoint ipv6Endpoint(byte[] frame, int at, int port) {
        byte[] address = new byte[16];
        System.arraycopy(frame, at, address, 0, 16);
        try {
            return new Endpoint(InetAddress.getByAddress(address).getHostAddress(), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    /**
     * The capture's bytes through a large buffer of our own: records are read two small pieces at a time, and
     * {@link java.io.BufferedInputStream} takes a lock on every read, which cost more than the parsing.
     */
    private static final class Input implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 20];
        private int position;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        /** Reads up to {@code length} bytes, fewer only at the end of the file; returns how many. */
        int readFully(byte[] target, int length) throws IOException {
            return readFully(target, 0, length);
        }

        int readFully(byte[] target, int offset, int length) throws IOException {
            int total = 0;
            while (total < length) {
                if (position == limit) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        break;
                    }
                    position = 0;
                    limit = n;
                }
                int n = Math.min(length - total, limit - position);
                System.arraycopy(buffer, position, target, offset + total, n);
                position += n;
                total += n;
            }
            return total;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
