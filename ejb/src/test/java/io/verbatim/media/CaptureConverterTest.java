package io.verbatim.media;

import static io.verbatim.media.fixture.TestCaptures.constant;
import static io.verbatim.media.fixture.TestCaptures.rtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.media.codec.g711.G711;
import io.verbatim.media.codec.opus.OpusConcealmentTest;
import io.verbatim.media.fixture.Corpus;
import io.verbatim.media.fixture.LossyStream;
import io.verbatim.media.fixture.MemoryChannel;
import io.verbatim.media.fixture.TestCaptures;
import io.verbatim.media.fixture.WavFile;
import io.verbatim.media.render.CallAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureConverterTest {

    static final String PHONE = "10.0.0.5";
    static final String RECORDER = "10.0.0.9";
    static final long T0 = 1_700_000_000_000_000L; // µs
    static final int LOCAL_CODE = 0xd5 ^ 0x30;     // A-law codes with distinct, known levels
    static final int REMOTE_CODE = 0xd5 ^ 0x40;

    @TempDir
    Path dir;

    record Packet(long micros, int srcPort, int dstPort, byte[] rtp) {
    }

    /** 20 ms A-law packets: {@code count} of them from {@code startMicros}, sequence from {@code firstSeq}. */
    static List<Packet> stream(int srcPort, int dstPort, long ssrc, int code, long startMicros, int firstSeq, int count) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(new Packet(startMicros + i * 20_000L, srcPort, dstPort,
                    rtp(8, i == 0, (firstSeq + i) & 0xffff, 1000 + i * 160L, ssrc, constant(code, 160))));
        }
        return packets;
    }

    Path write(List<Packet> packets) throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        for (Packet p : packets) {
            pcap.udp(p.micros(), p.srcPort() == 16386 ? PHONE : RECORDER, p.srcPort(),
                    p.srcPort() == 16386 ? RECORDER : PHONE, p.dstPort(), p.rtp());
        }
        return pcap.write(Files.createTempFile(dir, "call", ".pcap"));
    }

    static WavFile convert(Path capture, ConversionResult[] result) throws Exception {
        MemoryChannel wav = new MemoryChannel();
        result[0] = new CaptureConverter().toStereoWav(capture, wav);
        return WavFile.parse(wav.bytes());
    }

    @Test
    void innovaphonePortsDecideTheSidesAndBothAreAlignedOnCaptureTime() throws Exception {
        List<Packet> packets = new ArrayList<>(stream(16386, 16388, 1, LOCAL_CODE, T0, 100, 50));
        packets.addAll(stream(16388, 16386, 2, REMOTE_CODE, T0 + 100_000, 7, 40)); // remote starts 100 ms later
        packets.sort((a, b) -> Long.compare(a.micros(), b.micros()));
        ConversionResult[] result = new ConversionResult[1];
        WavFile wav = convert(write(packets), result);

        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.sampleRate()).isEqualTo(8000);
        short local = G711.A_LAW.expand(LOCAL_CODE);
        short remote = G711.A_LAW.expand(REMOTE_CODE);
        short[] left = wav.channel(0);
        short[] right = wav.channel(1);
        assertThat(left.length).isEqualTo(8000); // 1 s: local 0–1.0 s, remote 0.1–0.9 s
        assertThat(right[0]).as("local party on the right from the start").isEqualTo(local);
        assertThat(left[799]).as("remote still silent before 100 ms").isEqualTo((short) 0);
        assertThat(left[800]).as("remote party on the left from 100 ms").isEqualTo(remote);
        assertThat(left[7199]).isEqualTo(remote);
        assertThat(left[7200]).as("remote ended at 900 ms").isEqualTo((short) 0);
        assertThat(result[0].durationSeconds()).isEqualTo(1.0);
        assertThat(result[0].codec()).isEqualTo("G.711 A-law");
        assertThat(result[0].start().toEpochMilli()).isEqualTo(T0 / 1000);
        assertThat(result[0].warnings()).isEmpty();
    }

    /**
     * The waveform keeps the parties apart whatever the file's layout (here mono), stretch by stretch of 50 ms, and
     * reading it again from the capture gives what the conversion measured.
     */
    @Test
    void theWaveformShowsEachPartyWhenItSpokeWhateverTheLayout() throws Exception {
        List<Packet> packets = new ArrayList<>(stream(16386, 16388, 1, LOCAL_CODE, T0, 100, 50));
        packets.addAll(stream(16388, 16386, 2, REMOTE_CODE, T0 + 100_000, 7, 40)); // remote 0.1–0.9 s
        packets.sort((a, b) -> Long.compare(a.micros(), b.micros()));
        Path capture = write(packets);
        ConversionResult result = new CaptureConverter().convert(capture, new MemoryChannel(), OutputFormat.parse("wav-mono"), null);

        Waveform waveform = result.waveform();
        int remote = (Math.abs(G711.A_LAW.expand(REMOTE_CODE)) * 255 + 16384) / 32768;
        int local = (Math.abs(G711.A_LAW.expand(LOCAL_CODE)) * 255 + 16384) / 32768;
        assertThat(remote).isNotEqualTo(local).isPositive();
        assertThat(waveform.stretchMillis()).isEqualTo(50);
        assertThat(waveform.remote()).hasSize(20).hasSameSizeAs(waveform.local()); // 1 s
        assertThat(waveform.local()).as("local throughout").containsOnly((byte) local);
        assertThat(waveform.remote()[1]).as("remote silent before 100 ms").isZero();
        assertThat(waveform.remote()[2]).as("remote from 100 ms").isEqualTo((byte) remote);
        assertThat(waveform.remote()[17]).isEqualTo((byte) remote);
        assertThat(waveform.remote()[18]).as("remote ended at 900 ms").isZero();

        Waveform again = new CaptureConverter().waveform(capture);
        assertThat(again.stretchMillis()).isEqualTo(50);
        assertThat(again.remote()).isEqualTo(waveform.remote());
        assertThat(again.local()).isEqualTo(waveform.local());
    }

    @Test
    void lossBecomesSilenceAndReorderingOrDuplicatesChangeNothing() throws Exception {
        List<Packet> clean = stream(16386, 16388, 1, LOCAL_CODE, T0, 65530, 20); // wraps past 65535
        List<Packet> messy = new ArrayList<>(clean);
        messy.remove(10);                          // lost: samples 1600..1759
        Collections.swap(messy, 3, 4);             // reordered
        messy.add(6, messy.get(5));                // duplicated
        ConversionResult[] result = new ConversionResult[1];
        short[] right = convert(write(messy), result).channel(1);

        short local = G711.A_LAW.expand(LOCAL_CODE);
        assertThat(right).hasSize(20 * 160);
        for (int i = 0; i < right.length; i++) {
            short expected = i >= 1600 && i < 1760 ? 0 : local;
            assertThat(right[i]).as("sample %d", i).isEqualTo(expected);
        }
        assertThat(result[0].warnings()).contains("no audio from the remote party: its channel is silent");
    }

    @Test
    void strayDatagramsThatLookLikeRtpDoNotMoveTheCallsStart() throws Exception {
        List<Packet> packets = new ArrayList<>();
        // five seconds earlier, two datagrams that happen to parse as RTP: too few to be a stream
        packets.add(new Packet(T0 - 5_000_000, 5353, 5353, rtp(0, false, 1, 0, 99, new byte[40])));
        packets.add(new Packet(T0 - 4_000_000, 5353, 5353, rtp(0, false, 2, 160, 99, new byte[40])));
        packets.addAll(stream(16386, 16388, 1, LOCAL_CODE, T0, 0, 50));
        ConversionResult[] result = new ConversionResult[1];
        WavFile wav = convert(write(packets), result);
        assertThat(result[0].start().toEpochMilli()).isEqualTo(T0 / 1000);
        assertThat(wav.channel(1)).hasSize(8000);
        assertThat(wav.channel(1)[0]).isEqualTo(G711.A_LAW.expand(LOCAL_CODE));
    }

    @Test
    void aNewSsrcInOneDirectionFollowsOnTheTimeline() throws Exception {
        // hold/transfer: the phone's stream restarts with another SSRC, sequence and timestamp base, after a pause
        List<Packet> packets = new ArrayList<>(stream(16386, 16388, 0x1111, LOCAL_CODE, T0, 100, 25));
        List<Packet> after = stream(16386, 16388, 0x2222, REMOTE_CODE, T0 + 700_000, 40000, 25);
        for (Packet p : after) { // another timestamp base entirely
            byte[] rtp = p.rtp().clone();
            java.nio.ByteBuffer.wrap(rtp).putInt(4, java.nio.ByteBuffer.wrap(rtp).getInt(4) + 987_654_321);
            packets.add(new Packet(p.micros(), p.srcPort(), p.dstPort(), rtp));
        }
        ConversionResult[] result = new ConversionResult[1];
        short[] right = convert(write(packets), result).channel(1);
        assertThat(result[0].localStreams()).isEqualTo(2);
        assertThat(right).hasSize(5600 + 25 * 160); // 0.7 s, then the second stream's 0.5 s
        assertThat(right[3999]).isEqualTo(G711.A_LAW.expand(LOCAL_CODE));
        assertThat(right[4000]).as("the pause").isZero();
        assertThat(right[5599]).isZero();
        assertThat(right[5600]).as("second stream where it was captured").isEqualTo(G711.A_LAW.expand(REMOTE_CODE));
    }

    @Test
    void aSenderRestartingItsTimestampsStaysOnCaptureTime() throws Exception {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long timestamp = i < 25 ? 1000 + i * 160L : 5 + (i - 25) * 160L; // the clock jumps back at 0.5 s
            packets.add(new Packet(T0 + i * 20_000L, 16386, 16388, rtp(8, i == 25, i, timestamp, 7, constant(LOCAL_CODE, 160))));
        }
        ConversionResult[] result = new ConversionResult[1];
        short[] right = convert(write(packets), result).channel(1);
        assertThat(right).hasSize(8000);
        for (int i = 0; i < right.length; i++) {
            assertThat(right[i]).as("sample %d", i).isEqualTo(G711.A_LAW.expand(LOCAL_CODE));
        }
    }

    @Test
    void aSenderRestartingItsSequenceNumbersKeepsBothRuns() throws Exception {
        // 3 s of audio numbered from 1000, then (a re-INVITE) numbering and timestamps start again from 0 and 1000
        List<Packet> packets = new ArrayList<>(stream(16386, 16388, 1, LOCAL_CODE, T0, 1000, 150));
        packets.addAll(stream(16386, 16388, 1, REMOTE_CODE ^ 0x01, T0 + 3_000_000, 0, 100));
        ConversionResult[] result = new ConversionResult[1];
        short[] right = convert(write(packets), result).channel(1);

        assertThat(right).hasSize(5 * 8000);
        assertThat(right[0]).isEqualTo(G711.A_LAW.expand(LOCAL_CODE));
        assertThat(right[3 * 8000 - 1]).isEqualTo(G711.A_LAW.expand(LOCAL_CODE));
        assertThat(right[3 * 8000]).as("the second run at its capture time").isEqualTo(G711.A_LAW.expand(REMOTE_CODE ^ 0x01));
        assertThat(right[5 * 8000 - 1]).isEqualTo(G711.A_LAW.expand(REMOTE_CODE ^ 0x01));
        assertThat(result[0].warnings()).noneMatch(w -> w.contains("late"));
    }

    @Test
    void aPacketLaterThanTheReorderWindowIsLeftOutAndReported() throws Exception {
        List<Packet> packets = new ArrayList<>(stream(16386, 16388, 1, LOCAL_CODE, T0, 0, 500)); // 10 s
        Packet delayed = packets.remove(100); // sent at 2 s, captured 6 s later
        packets.add(new Packet(delayed.micros() + 6_000_000, delayed.srcPort(), delayed.dstPort(), delayed.rtp()));
        packets.sort((a, b) -> Long.compare(a.micros(), b.micros()));
        ConversionResult[] result = new ConversionResult[1];
        short[] right = convert(write(packets), result).channel(1);

        assertThat(right).hasSize(10 * 8000);
        assertThat(right[100 * 160]).as("its place stays silent").isEqualTo((short) 0);
        assertThat(right[101 * 160]).isEqualTo(G711.A_LAW.expand(LOCAL_CODE));
        assertThat(result[0].warnings()).anyMatch(w -> w.startsWith("1 packets arrived too late to be placed"));
    }

    @Test
    void bothPartiesStayAlignedOverAnHourThoughOneClockDrifts() throws Exception {
        // an hour; the remote sender's RTP clock runs 100 ppm fast against the capturing host's (360 ms an hour);
        // at 59:59 both parties send a marker at the same capture time
        int packets = 3600 * 50;
        int marker = packets - 50;
        Path capture = dir.resolve("hour.pcap");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(capture), 1 << 20)) {
            out.write(new TestCaptures.PcapBuilder().bytes());
            for (int i = 0; i < packets; i++) {
                long micros = T0 + i * 20_000L;
                int code = i == marker ? 0xaa : LOCAL_CODE;
                long remoteTs = Math.round(i * 160 * 1.0001);
                byte[] local = new TestCaptures.PcapBuilder().udp(micros, PHONE, 16386, RECORDER, 16388,
                        rtp(8, false, i & 0xffff, i * 160L, 1, constant(code, 160))).bytes();
                byte[] remote = new TestCaptures.PcapBuilder().udp(micros + 100, RECORDER, 16388, PHONE, 16386,
                        rtp(8, false, i & 0xffff, remoteTs, 2, constant(i == marker ? 0xaa : REMOTE_CODE, 160))).bytes();
                out.write(local, 24, local.length - 24);
                out.write(remote, 24, remote.length - 24);
            }
        }
        short peak = G711.A_LAW.expand(0xaa);
        long[] where = {-1, -1};
        long[] at = {0};
        CallAudio.read(capture).render((left, right, frames) -> {
            for (int i = 0; i < frames; i++) {
                if (where[0] < 0 && left[i] == peak) {
                    where[0] = at[0] + i;
                }
                if (where[1] < 0 && right[i] == peak) {
                    where[1] = at[0] + i;
                }
            }
            at[0] += frames;
        }, Long.MAX_VALUE);
        assertThat(where[1]).as("local marker").isEqualTo((long) marker * 160);
        assertThat(Math.abs(where[0] - where[1])).as("samples between the parties' markers after an hour")
                .isLessThanOrEqualTo(160); // 20 ms
    }

    /**
     * One record's capture time is damaged (a device's clock glitch, a corrupt record header) while its RTP numbers
     * are fine: the packet is placed by its RTP timing between its neighbours, and neither the call's length nor the
     * other party's alignment moves.
     */
    @ParameterizedTest
    @CsvSource({
            // a local packet in the middle of the file, sent at 4 s
            "90000000000, 400", "7200000000, 400", "3000000, 400", "-90000000000, 400",
            // the first record of the file, which the call's start and the stream's first anchor come from
            "90000000000, 0", "7200000000, 0", "3000000, 0", "-90000000000, 0", "-3000000, 0"})
    void aRecordWithADamagedCaptureTimeIsPlacedByItsRtpTiming(long errorMicros, int damaged) throws Exception {
        List<Packet> packets = new ArrayList<>(stream(16386, 16388, 1, LOCAL_CODE, T0, 100, 500)); // 10 s
        packets.addAll(stream(16388, 16386, 2, REMOTE_CODE, T0 + 250, 7, 500)); // 2 samples later
        packets.sort((a, b) -> Long.compare(a.micros(), b.micros()));
        Packet original = packets.get(damaged);
        assertThat(original.srcPort()).isEqualTo(16386);
        packets.set(damaged, new Packet(original.micros() + errorMicros, original.srcPort(), original.dstPort(), original.rtp()));
        ConversionResult[] result = new ConversionResult[1];
        WavFile wav = convert(write(packets), result);

        short[] left = wav.channel(0);
        short[] right = wav.channel(1);
        assertThat(right).as("the call keeps its length").hasSize(10 * 8000 + 2);
        short local = G711.A_LAW.expand(LOCAL_CODE);
        short remote = G711.A_LAW.expand(REMOTE_CODE);
        for (int i = 0; i < right.length; i++) {
            assertThat(right[i]).as("local sample %d", i).isEqualTo((short) (i < 10 * 8000 ? local : 0));
            assertThat(left[i]).as("remote sample %d", i).isEqualTo((short) (i >= 2 ? remote : 0));
        }
        assertThat(result[0].warnings()).noneMatch(w -> w.contains("late"));
        assertThat(result[0].start().toEpochMilli()).as("the call's start").isEqualTo(T0 / 1000);
    }

    /**
     * An Opus stream without SDP, recognised from its packets' TOC bytes and clock, whose first and last records'
     * capture times are damaged: its clock is still recognised, the call starts with its audio, and the audio is
     * what the undamaged capture gives.
     */
    @ParameterizedTest
    @ValueSource(longs = {90_000_000_000L, -90_000_000_000L, 7_200_000_000L})
    void anOpusStreamWhoseFirstAndLastRecordsAreDamagedIsStillRecognisedAndPlaced(long errorMicros) throws Exception {
        LossyStream opus = LossyStream.of(OpusConcealmentTest.FEC_CAPTURE, 107);
        org.junit.jupiter.api.Assumptions.assumeTrue(opus != null, "no shared corpus beside this checkout");
        int last = opus.size() - 1;
        ConversionResult[] result = new ConversionResult[1];
        WavFile wav = convert(opus.capture(dir.resolve("damaged.pcap"), i -> false,
                i -> i == 0 || i == last ? errorMicros : 0), result);
        assertThat(result[0].codec()).startsWith("Opus");
        assertThat(result[0].start().toEpochMilli()).isEqualTo(LossyStream.T0 / 1000);
        assertThat(wav.channel(1)).as("the local party's audio")
                .isEqualTo(LossyStream.local(opus.capture(dir.resolve("complete.pcap"), i -> false)));
    }

    @Test
    void audioSpanningMoreThanADayHasDamagedTimestampsAndIsRefusedAsSoonAsItIsPlaced() throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        for (int i = 0; i < 10; i++) {
            long micros = T0 + i * 20_000L + (i >= 5 ? 25 * 3600_000_000L : 0);
            pcap.udp(micros, PHONE, 16386, RECORDER, 16388, rtp(8, false, i, i * 160L, 1, constant(LOCAL_CODE, 160)));
        }
        Path capture = pcap.write(dir.resolve("a-day.pcap"));
        MemoryChannel out = new MemoryChannel();
        assertThatThrownBy(() -> new CaptureConverter().toStereoWav(capture, out))
                .isInstanceOf(InvalidCaptureException.class)
                .hasMessage("the capture's timestamps span more than 24.0 hours, longer than any call recording; they are damaged");
        assertThat(out.size()).as("no day of silence written first").isLessThan(1 << 20);
    }

    @Test
    void withoutKnownPortsTheFirstSenderIsTheLocalParty() throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        for (int i = 0; i < 10; i++) {
            pcap.udp(T0 + i * 20_000L, "192.0.2.1", 4000, "192.0.2.2", 5000, rtp(0, false, i, i * 160L, 11, constant(0x80, 160)));
            pcap.udp(T0 + i * 20_000L + 5, "192.0.2.2", 5000, "192.0.2.1", 4000, rtp(0, false, i, i * 160L, 22, constant(0x00, 160)));
        }
        ConversionResult[] result = new ConversionResult[1];
        WavFile wav = convert(pcap.write(dir.resolve("generic.pcap")), result);
        assertThat(wav.channel(1)[0]).as("right = first sender").isEqualTo(G711.MU_LAW.expand(0x80));
        assertThat(wav.channel(0)[0]).as("left = the other party").isEqualTo(G711.MU_LAW.expand(0x00));
        assertThat(result[0].codec()).isEqualTo("G.711 µ-law");
    }

    @Test
    void aCallMixingG711AndG722IsRenderedAt16kHz() throws Exception {
        java.nio.file.Path root = Corpus.root();
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "no shared corpus beside this checkout");
        // µ-law first, then G.722 after the codec negotiation, in both directions
        ConversionResult[] result = new ConversionResult[1];
        WavFile wav = convert(root.resolve("captures/sipnab/tests/pcap-samples/codec-negotiation.pcap"), result);
        assertThat(wav.sampleRate()).isEqualTo(16000);
        assertThat(result[0].sampleRate()).isEqualTo(16000);
        assertThat(result[0].codec()).contains("G.711 µ-law", "G.722");
        for (int c = 0; c < 2; c++) {
            short[] channel = wav.channel(c);
            assertThat(peak(channel, 0, channel.length / 2)).as("first half of channel %d (µ-law)", c).isGreaterThan(1000);
            assertThat(peak(channel, channel.length / 2, channel.length)).as("second half of channel %d (G.722)", c).isGreaterThan(1000);
        }
    }

    private static int peak(short[] samples, int from, int to) {
        int peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    @Test
    void aTruncatedLastRecordStillConverts() throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        for (Packet p : stream(16386, 16388, 1, LOCAL_CODE, T0, 0, 10)) {
            pcap.udp(p.micros(), PHONE, 16386, RECORDER, 16388, p.rtp());
        }
        byte[] whole = pcap.bytes();
        Path cut = Files.write(dir.resolve("cut.pcap"), java.util.Arrays.copyOf(whole, whole.length - 50));
        ConversionResult[] result = new ConversionResult[1];
        WavFile wav = convert(cut, result);
        assertThat(wav.channel(1)).hasSize(9 * 160);
        assertThat(result[0].warnings()).anySatisfy(w -> assertThat(w).startsWith("capture ends in a truncated record"));
    }

    @Test
    void anUnsupportedCodecIsNamed() throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        for (int i = 0; i < 10; i++) {
            pcap.udp(T0 + i * 30_000L, PHONE, 16386, RECORDER, 16388, rtp(4, false, i, i * 240L, 5, new byte[24]));
        }
        Path g7231 = pcap.write(dir.resolve("g723.pcap"));
        assertThatThrownBy(() -> new CaptureConverter().toStereoWav(g7231, new MemoryChannel()))
                .isInstanceOf(UnsupportedCodecException.class)
                .hasMessage("unsupported codec G.723.1 (PT 4)");
    }

    @Test
    void aCaptureWithoutRtpOrNotACaptureAtAllIsInvalid() throws Exception {
        Path noRtp = new TestCaptures.PcapBuilder()
                .udp(T0, PHONE, 5060, RECORDER, 5060, "INVITE sip:a@b SIP/2.0\r\n\r\n".getBytes())
                .write(dir.resolve("sip-only.pcap"));
        assertThatThrownBy(() -> new CaptureConverter().toStereoWav(noRtp, new MemoryChannel()))
                .isInstanceOf(InvalidCaptureException.class)
                .hasMessageContaining("no RTP audio found");
        Path text = Files.writeString(dir.resolve("text.pcap"), "this is not a capture");
        assertThatThrownBy(() -> new CaptureConverter().toStereoWav(text, new MemoryChannel()))
                .isInstanceOf(InvalidCaptureException.class)
                .hasMessageContaining("not a readable pcap/pcapng capture");
    }

    @Test
    void aCaptureWithMoreFlowsThanAnyCallIsRefusedBeforeItExhaustsMemory() throws Exception {
        TestCaptures.PcapBuilder flood = new TestCaptures.PcapBuilder();
        for (int i = 0; i <= CallAudio.MAX_FLOWS; i++) { // one packet each, every one a new SSRC
            flood.udp(T0 + i * 20_000L, PHONE, 16386, RECORDER, 16388, rtp(8, false, i, i * 160L, 0x1000_0000L + i, constant(0xd5, 160)));
        }
        Path capture = flood.write(dir.resolve("flood.pcap"));
        assertThatThrownBy(() -> new CaptureConverter().toStereoWav(capture, new MemoryChannel()))
                .isInstanceOf(InvalidCaptureException.class)
                .hasMessageContaining("more than " + CallAudio.MAX_FLOWS + " RTP flows");

        TestCaptures.PcapBuilder many = new TestCaptures.PcapBuilder(); // as many as allowed: read as usual
        for (int i = 0; i < CallAudio.MAX_FLOWS; i++) {
            many.udp(T0 + i * 20_000L, PHONE, 16386, RECORDER, 16388, rtp(8, false, i, i * 160L, 0x1000_0000L + i, constant(0xd5, 160)));
        }
        Path allowed = many.write(dir.resolve("many.pcap"));
        assertThatThrownBy(() -> new CaptureConverter().toStereoWav(allowed, new MemoryChannel()))
                .as("each flow too short to be a stream").hasMessageContaining("no RTP audio found");
    }
}
