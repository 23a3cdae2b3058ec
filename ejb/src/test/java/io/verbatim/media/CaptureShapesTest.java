package io.verbatim.media;

import static io.verbatim.media.fixture.TestCaptures.constant;
import static io.verbatim.media.fixture.TestCaptures.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.codec.g711.G711;
import io.verbatim.media.fixture.MemoryChannel;
import io.verbatim.media.fixture.TestCaptures;
import io.verbatim.media.fixture.WavFile;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same two-party call in every capture shape a device or a sniffer produces converts to the same audio. */
class CaptureShapesTest {

    static final int LOCAL_CODE = 0xd5 ^ 0x30;
    static final int REMOTE_CODE = 0xd5 ^ 0x40;

    @TempDir
    Path dir;

    static Stream<Arguments> shapes() {
        Stream.Builder<Arguments> shapes = Stream.builder();
        for (TestCaptures.Link link : TestCaptures.Link.values()) {
            for (String family : new String[]{"IPv4", "IPv6"}) {
                shapes.add(Arguments.of(link, family, ByteOrder.LITTLE_ENDIAN, false));
            }
        }
        shapes.add(Arguments.of(TestCaptures.Link.ETHERNET, "IPv4", ByteOrder.BIG_ENDIAN, true));
        shapes.add(Arguments.of(TestCaptures.Link.VLAN, "IPv6", ByteOrder.BIG_ENDIAN, false));
        return shapes.build();
    }

    private static int count(short[] samples, short value) {
        int n = 0;
        for (short s : samples) {
            n += s == value ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest(name = "{0} {1} {2} ns={3}")
    @MethodSource("shapes")
    void aTwoPartyCallConvertsInEveryShape(TestCaptures.Link link, String family, ByteOrder order, boolean nanos) throws Exception {
        String phone = family.equals("IPv6") ? "2001:db8::5" : "10.0.0.5";
        String recorder = family.equals("IPv6") ? "2001:db8::9" : "10.0.0.9";
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder(order, nanos, link);
        long t0 = 1_700_000_000_000_000L;
        for (int i = 0; i < 25; i++) {
            pcap.udp(t0 + i * 20_000L, phone, 16386, recorder, 16388, rtp(8, i == 0, i, i * 160L, 1, constant(LOCAL_CODE, 160)));
            pcap.udp(t0 + i * 20_000L + 50, recorder, 16388, phone, 16386, rtp(8, i == 0, i, i * 160L, 2, constant(REMOTE_CODE, 160)));
        }
        MemoryChannel out = new MemoryChannel();
        ConversionResult result = new CaptureConverter().toStereoWav(pcap.write(dir.resolve("call.pcap")), out);
        WavFile wav = WavFile.parse(out.bytes());

        assertThat(result.localStreams()).isEqualTo(1);
        assertThat(result.remoteStreams()).isEqualTo(1);
        // the remote party is 50 µs behind: less than half a sample, so both start at sample 0
        assertThat(count(wav.channel(0), G711.A_LAW.expand(REMOTE_CODE))).as("remote samples").isEqualTo(25 * 160);
        assertThat(count(wav.channel(1), G711.A_LAW.expand(LOCAL_CODE))).as("local samples").isEqualTo(25 * 160);
        assertThat(wav.channel(0).length).isEqualTo(25 * 160);
        assertThat(result.start().toEpochMilli()).isEqualTo(t0 / 1000);
    }
}
