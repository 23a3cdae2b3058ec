package io.verbatim.media.capture;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads the UDP datagrams of a pcap or pcapng file, in file order: with our own streaming parser, or through
 * pcap4j/libpcap for link types the parser does not know. A truncated last record — a device cut off
 * mid-write — ends the capture instead of failing it.
 */
public final class CaptureReader {

    /** What reading found besides the datagrams: frames, those that were damaged (skipped), a truncated end. */
    public record Summary(long frames, long datagrams, long damaged, String truncation) {
    }

    /** @throws DamagedCaptureException when the file is not a readable capture */
    public Summary read(Path capture, Consumer<UdpDatagram> sink) {
        try {
            return new CaptureFileParser().read(capture, sink);
        } catch (CaptureFileParser.UnknownLinkType unknown) {
            return new LibpcapCaptureReader().read(capture, sink);
        }
    }
}
