package io.verbatim.media.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.fixture.Corpus;
import io.verbatim.media.fixture.TestCaptures;
import io.verbatim.media.render.CallAudio;
import io.verbatim.media.rtp.RtpStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureReaderTest {

    static final long T0_MICROS = 1_700_000_000_123_456L;

    @TempDir
    Path dir;

    private static List<UdpDatagram> read(Path capture) {
        List<UdpDatagram> datagrams = new ArrayList<>();
        // a datagram is a view into the reader's buffer: keep a copy of each
        new CaptureReader().read(capture, d -> datagrams.add(new UdpDatagram(d.captureNanos(), d.source(), d.destination(), d.payload())));
        return datagrams;
    }

    private static void assertTwoDatagrams(List<UdpDatagram> datagrams, long firstNanos, long secondNanos) {
        assertThat(datagrams).hasSize(2);
        UdpDatagram first = datagrams.get(0);
        assertThat(first.source()).isEqualTo(new Endpoint("192.0.2.1", 16386));
        assertThat(first.destination()).isEqualTo(new Endpoint("192.0.2.2", 16388));
        assertThat(first.captureNanos()).isEqualTo(firstNanos);
        assertThat(first.payload()).containsExactly(1, 2, 3);
        assertThat(datagrams.get(1).captureNanos()).isEqualTo(secondNanos);
        assertThat(datagrams.get(1).source().port()).isEqualTo(16388);
    }

    @Test
    void littleEndianMicrosecondPcap() throws Exception {
        Path pcap = new TestCaptures.PcapBuilder()
                .udp(T0_MICROS, "192.0.2.1", 16386, "192.0.2.2", 16388, new byte[]{1, 2, 3})
                .udp(T0_MICROS + 20_000, "192.0.2.2", 16388, "192.0.2.1", 16386, new byte[]{4})
                .write(dir.resolve("le-us.pcap"));
        assertTwoDatagrams(read(pcap), T0_MICROS * 1000, (T0_MICROS + 20_000) * 1000);
    }

    @Test
    void bigEndianNanosecondPcap() throws Exception {
        long t0 = T0_MICROS * 1000 + 789;
        Path pcap = new TestCaptures.PcapBuilder(ByteOrder.BIG_ENDIAN, true)
                .udpAtNanos(t0, "192.0.2.1", 16386, "192.0.2.2", 16388, new byte[]{1, 2, 3})
                .udpAtNanos(t0 + 1, "192.0.2.2", 16388, "192.0.2.1", 16386, new byte[]{4})
                .write(dir.resolve("be-ns.pcap"));
        assertTwoDatagrams(read(pcap), t0, t0 + 1);
    }

    @Test
    void pcapng() throws Exception {
        Path pcapng = new TestCaptures.PcapngBuilder()
                .udp(T0_MICROS, "192.0.2.1", 16386, "192.0.2.2", 16388, new byte[]{1, 2, 3})
                .udp(T0_MICROS + 20_000, "192.0.2.2", 16388, "192.0.2.1", 16386, new byte[]{4})
                .write(dir.resolve("capture.pcapng"));
        assertTwoDatagrams(read(pcapng), T0_MICROS * 1000, (T0_MICROS + 20_000) * 1000);
    }

    @Test
    void everyRtpPacketOfACorpusPcapngIsFound() {
        Path root = Corpus.root();
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "no shared corpus beside this checkout");
        // captures.tsv counts 356 RTP packets (PT 0, two streams) in this Ethernet pcapng
        CallAudio call = CallAudio.read(root.resolve("captures/sipnab/tests/pcap-samples/b2bua-asterisk.pcapng"));
        long packets = call.streams().stream().mapToLong(RtpStream::packetCount).sum();
        assertThat(packets).isEqualTo(356);
    }
}
