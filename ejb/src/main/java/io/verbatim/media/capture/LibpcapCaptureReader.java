package io.verbatim.media.capture;

import java.io.EOFException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.UdpPacket;

/**
 * Reads the UDP datagrams of a pcap or pcapng file through pcap4j (libpcap), in file order: the library reader,
 * for link types {@link CaptureFileParser} does not know. A truncated last record — a device cut off
 * mid-write — ends the capture instead of failing it.
 */
final class LibpcapCaptureReader {

    CaptureReader.Summary read(Path capture, Consumer<UdpDatagram> sink) {
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(capture.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            throw new DamagedCaptureException("not a readable pcap/pcapng capture: " + e.getMessage(), e);
        }
        int linkType = handle.getDlt().value();
        long frames = 0;
        long datagrams = 0;
        long damaged = 0;
        String truncation = null;
        try {
            while (true) {
                Packet packet;
                try {
                    packet = handle.getNextPacketEx();
                } catch (EOFException end) {
                    break;
                } catch (TimeoutException notForFiles) {
                    continue;
                } catch (RuntimeException damagedRecord) {
                    // pcap4j rejects the record it just read (e.g. 1,500,000 µs past the second); libpcap has
                    // moved past it, so the capture goes on
                    frames++;
                    damaged++;
                    continue;
                } catch (PcapNativeException broken) {
                    if (frames == 0) {
                        throw new DamagedCaptureException("capture has no readable frame: " + broken.getMessage(), broken);
                    }
                    truncation = broken.getMessage();
                    break;
                }
                frames++;
                UdpDatagram datagram;
                try {
                    datagram = toDatagram(packet, linkType, handle.getTimestamp());
                } catch (RuntimeException unreadable) {
                    // headers that make no sense: skipped and counted, the rest of the capture still counts
                    damaged++;
                    continue;
                }
                if (datagram != null) {
                    datagrams++;
                    sink.accept(datagram);
                }
            }
        } catch (NotOpenException e) {
            throw new IllegalStateException(e);
        } finally {
            handle.close();
        }
        return new CaptureReader.Summary(frames, datagrams, damaged, truncation);
    }

    private static UdpDatagram toDatagram(Packet packet, int linkType, Timestamp time) {
        UdpPacket udp = packet.get(UdpPacket.class);
        IpPacket ip = packet.get(IpPacket.class);
        if (udp == null || ip == null) {
            // pcap4j gives up on the whole frame when a link header field is off (seen: a Linux SLL header with
            // its address length in the wrong byte order); the IP packet inside is often intact.
            Packet inner = ipFromLinkLayer(packet.getRawData(), linkType);
            if (inner == null) {
                return null;
            }
            udp = inner.get(UdpPacket.class);
            ip = inner.get(IpPacket.class);
        }
        if (udp == null || ip == null || udp.getPayload() == null) {
            return null;
        }
        if (packet.contains(IcmpV4CommonPacket.class) || packet.contains(IcmpV6CommonPacket.class)) {
            // an ICMP error quoting a datagram that was sent, not one that arrived
            return null;
        }
        long nanos = Math.floorDiv(time.getTime(), 1000L) * 1_000_000_000L + time.getNanos();
        Endpoint source = new Endpoint(ip.getHeader().getSrcAddr().getHostAddress(), udp.getHeader().getSrcPort().valueAsInt());
        Endpoint destination = new Endpoint(ip.getHeader().getDstAddr().getHostAddress(), udp.getHeader().getDstPort().valueAsInt());
        return new UdpDatagram(nanos, source, destination, udp.getPayload().getRawData());
    }

    /** The IP packet of a raw frame, found by the fixed layout of its link type; null when there is none. */
    static Packet ipFromLinkLayer(byte[] raw, int linkType) {
        int offset = LinkLayer.ipOffset(linkType, raw, raw.length);
        if (offset < 0) {
            return null;
        }
        try {
            return switch ((raw[offset] >> 4) & 0x0f) {
                case 4 -> IpV4Packet.newPacket(raw, offset, raw.length - offset);
                case 6 -> IpV6Packet.newPacket(raw, offset, raw.length - offset);
                default -> null;
            };
        } catch (IllegalRawDataException broken) {
            return null;
        }
    }
}
