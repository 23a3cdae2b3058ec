package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.capture.CaptureReader;
import io.verbatim.media.codec.Codec;
import io.verbatim.media.codec.opus.Opus;
import io.verbatim.media.dsp.Decimator;
import io.verbatim.media.fixture.Corpus;
import io.verbatim.media.fixture.WavFile;
import io.verbatim.media.render.CallAudio;
import io.verbatim.media.render.Mixer;
import io.verbatim.media.rtp.PayloadTypes;
import io.verbatim.media.rtp.RtpPacket;
import io.verbatim.media.rtp.RtpStream;
import io.verbatim.media.rtp.StreamPlacer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every stream of the shared corpus in a codec the engine decodes, decoded and placed on its timeline by the
 * engine, matches the reference decode (ffmpeg; G.711 cross-checked with sox). The references hold packets in
 * sequence order with duplicates dropped and losses not filled, so we read our timeline back at each packet's
 * place. G.711 must match to 40 dB SNR, G.722 (our own decoder) within 1 LSB; G.729 and Opus (other decoder implementations than the references,
 * with their own rounding; Opus references decoded in capture order) to 20 dB or a waveform correlation of 0.99.
 */
class CodecCorpusTest {

    static final double MIN_SNR_DB = 40.0;
    static final double MIN_LOSSY_SNR_DB = 20.0;
    static final double MIN_LOSSY_CORRELATION = 0.99;
    /** The Opus references were decoded at 48 kHz. */
    static final int OPUS_REFERENCE_RATE = 48000;
    static final String REFERENCE_ENDS_EARLY = "10.35.60.100_15580-10.23.1.52_16756_0x0eaf0eaf_pt8";
    /**
     * Its TOC bytes say two or more 20 ms frames per packet (codes 1-3), 40 ms each as libopus' own parser
     * counts them; the GStreamer reference holds 20 ms per packet, so lengths cannot agree.
     */
    static final String REFERENCE_COUNTS_ONE_FRAME = "sipnab/tests/pcap-samples/sip-rtp-opus-hybrid.pcap";

    @TestFactory
    Stream<DynamicTest> everyDecodedStreamMatchesItsReference() {
        List<Corpus.Reference> references = Corpus.references("pcma", "pcmu", "g722", "g729", "opus");
        assumeTrue(!references.isEmpty(), "no shared corpus beside this checkout");
        return references.stream()
                // switches to SRTP after 0.24 s (corpus README): the encrypted rest has no reference to match
                .filter(ref -> !ref.capture().endsWith("Asterisk_ZFONE_XLITE.pcap"))
                .filter(ref -> !ref.capture().equals(REFERENCE_COUNTS_ONE_FRAME))
                .map(ref -> DynamicTest.dynamicTest(ref.toString(), () -> {
            CallAudio call = CallAudio.read(ref.captureFile(), OPUS_REFERENCE_RATE);
            RtpStream stream = call.streams().stream()
                    .filter(s -> s.key().ssrc() == ref.ssrc()
                            && s.key().source().port() == ref.sourcePort()
                            && s.key().destination().port() == ref.destinationPort())
                    .findFirst().orElseThrow(() -> new AssertionError("stream not found: " + ref.stream()));
            Codec codec = call.codec(stream).orElseThrow(() -> new AssertionError("no codec found for " + ref.stream()));
            assertThat(codec.name()).isEqualTo(ref.codec().equals("opus") ? "Opus" : PayloadTypes.describe(ref.payloadType()));

            List<StreamPlacer.PlacedFrame> placed = new ArrayList<>();
            call.place(stream, codec, stream.firstCaptureNanos(), placed::add);
            short[] timeline = render(placed, call.codec(stream).orElseThrow());
            short[] reference = ref.decode().channel(0);

            // The reference's frames, in its order; each is compared where the engine placed the same packet.
            List<Long> inReferenceOrder = referenceOrder(ref, stream);
            Map<Long, StreamPlacer.PlacedFrame> byCapture = new HashMap<>();
            placed.forEach(f -> byCapture.put(f.captureNanos(), f));
            List<StreamPlacer.PlacedFrame> referenced = new ArrayList<>();
            for (long captured : inReferenceOrder) {
                StreamPlacer.PlacedFrame f = byCapture.get(captured);
                assertThat(f).as("the engine placed the reference's packet captured at %d", captured).isNotNull();
                referenced.add(f);
            }
            int total = referenced.stream().mapToInt(StreamPlacer.PlacedFrame::samples).sum();
            if (ref.stream().equals(REFERENCE_ENDS_EARLY)) {
                // tshark dissects this flow as T.38 after the re-INVITE, so the reference holds only what came
                // before; the engine decodes on, and must agree on all that the reference has
                assertThat(total).isGreaterThan(reference.length);
                int covered = 0;
                int frames = 0;
                while (covered + referenced.get(frames).samples() <= reference.length) {
                    covered += referenced.get(frames++).samples();
                }
                referenced = referenced.subList(0, frames);
                total = covered;
            }
            assertThat(total).as("samples").isEqualTo(reference.length);

            // Where a sender's timestamps make two frames overlap, a timeline keeps one of them while the
            // reference (payloads concatenated) has both: compare the frames no other frame overlaps.
            Set<StreamPlacer.PlacedFrame> overlapped = overlapped(placed);
            int kept = 0;
            for (StreamPlacer.PlacedFrame f : referenced) {
                kept += overlapped.contains(f) ? 0 : f.samples();
            }
            assertThat(kept).as("samples left to compare").isGreaterThan(reference.length / 2);
            short[] ours = new short[kept];
            short[] expected = new short[kept];
            int at = 0;
            int inReference = 0;
            for (StreamPlacer.PlacedFrame f : referenced) {
                if (!overlapped.contains(f)) {
                    System.arraycopy(timeline, (int) f.position(), ours, at, f.samples());
                    System.arraycopy(reference, inReference, expected, at, f.samples());
                    at += f.samples();
                }
                inReference += f.samples();
            }
            reference = expected;
            if (ref.codec().equals("g722")) {
                // our own decoder, written from the Recommendation: bit-exact with ffmpeg, or within 1 LSB
                for (int i = 0; i < ours.length; i++) {
                    assertThat(Math.abs(ours[i] - reference[i])).as("sample %d", i).isLessThanOrEqualTo(1);
                }
            }
            double snr = WavFile.snr(reference, ours);
            if (ref.codec().startsWith("pcm") || ref.codec().equals("g722")) {
                assertThat(snr).as("%s: SNR dB", ref).isGreaterThanOrEqualTo(MIN_SNR_DB);
            } else if (snr < MIN_LOSSY_SNR_DB) {
                assertThat(WavFile.correlation(reference, ours)).as("%s: correlation (SNR %.1f dB)", ref, snr)
                        .isGreaterThanOrEqualTo(MIN_LOSSY_CORRELATION);
            }
        }));
    }

    /**
     * At the default 16 kHz, a stream of SILK-only Opus is decoded at that rate directly, every other stream at
     * 48 kHz and decimated. Both must give the same audio, up to the two paths' filter delays; and the corpus must
     * hold streams that take the direct path, or this proves nothing.
     */
    @TestFactory
    Stream<DynamicTest> opusDecodedAtItsOutputRateMatchesItsFullRateDecode() {
        List<java.nio.file.Path> captures = Corpus.references("opus").stream().map(Corpus.Reference::captureFile).distinct().toList();
        assumeTrue(!captures.isEmpty(), "no shared corpus beside this checkout");
        int[] direct = {0};
        Stream<DynamicTest> each = captures.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            CallAudio atOutputRate = CallAudio.read(file, Opus.DEFAULT_SAMPLE_RATE);
            CallAudio atFullRate = CallAudio.read(file, Opus.CLOCK_RATE);
            for (RtpStream stream : atOutputRate.streams()) {
                Codec codec = atOutputRate.codec(stream).orElse(null);
                if (!(codec instanceof Opus opus)) {
                    continue;
                }
                direct[0] += opus.decodesAtOutputRate() ? 1 : 0;
                short[] ours = timeline(atOutputRate, stream, stream.firstCaptureNanos());
                short[] full = timeline(atFullRate, stream, stream.firstCaptureNanos());
                short[] decimated = new short[full.length / 3];
                new Decimator(3).process(full, decimated.length * 3, decimated, 0);
                assertThat(bestCorrelation(decimated, ours, 48)).as("%s: correlation with the 48 kHz decode", stream.key())
                        .isGreaterThanOrEqualTo(MIN_LOSSY_CORRELATION);
            }
        }));
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("some stream decodes at its output rate",
                () -> assertThat(direct[0]).isPositive())));
    }

    private static short[] timeline(CallAudio call, RtpStream stream, long originNanos) throws Exception {
        List<StreamPlacer.PlacedFrame> placed = new ArrayList<>();
        call.place(stream, call.codec(stream).orElseThrow(), originNanos, placed::add);
        return render(placed, call.codec(stream).orElseThrow());
    }

    /** The highest correlation of {@code b} shifted against {@code a} by up to {@code maxLag} samples either way. */
    private static double bestCorrelation(short[] a, short[] b, int maxLag) {
        int n = Math.min(a.length, b.length) - 2 * maxLag;
        double best = -1;
        short[] x = java.util.Arrays.copyOfRange(a, maxLag, maxLag + n);
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            short[] y = java.util.Arrays.copyOfRange(b, maxLag + lag, maxLag + lag + n);
            best = Math.max(best, WavFile.correlation(x, y));
        }
        return best;
    }

    /**
     * Capture times of the packets the reference holds, in its order, as the corpus' make_reference.sh chose them:
     * sequence numbers extended in arrival order, the first packet of each number kept; then sorted by number
     * (ffmpeg references), or left in capture order without the packets that came after a higher number
     * (GStreamer's Opus references, which had no jitter buffer).
     */
    private static List<Long> referenceOrder(Corpus.Reference ref, RtpStream stream) {
        Map<Long, Long> firstBySequence = new LinkedHashMap<>();
        List<Long> captureOrder = new ArrayList<>();
        long[] state = {Long.MIN_VALUE, Long.MIN_VALUE}; // last sequence, highest sequence
        new CaptureReader().read(ref.captureFile(), datagram -> {
            RtpPacket p = RtpPacket.parse(datagram.data(), datagram.offset(), datagram.length());
            if (p == null || p.payloadType() != stream.dominantPayloadType()
                    || !new RtpStream.Key(p.ssrc(), datagram.source(), datagram.destination()).equals(stream.key())) {
                return;
            }
            long sequence = state[0] == Long.MIN_VALUE ? p.sequenceNumber()
                    : state[0] + (short) (p.sequenceNumber() - (int) (state[0] & 0xffff));
            state[0] = sequence;
            if (firstBySequence.putIfAbsent(sequence, datagram.captureNanos()) == null && sequence > state[1]) {
                captureOrder.add(datagram.captureNanos());
            }
            state[1] = Math.max(state[1], sequence);
        });
        if (ref.codec().equals("opus")) {
            return captureOrder;
        }
        return new TreeMap<>(firstBySequence).values().stream().toList();
    }

    /** Frames that share timeline samples with another frame of the stream. */
    private static Set<StreamPlacer.PlacedFrame> overlapped(List<StreamPlacer.PlacedFrame> placed) {
        List<StreamPlacer.PlacedFrame> byPosition = new ArrayList<>(placed);
        byPosition.sort(Comparator.comparingLong(StreamPlacer.PlacedFrame::position));
        Set<StreamPlacer.PlacedFrame> overlapped = Collections.newSetFromMap(new IdentityHashMap<>());
        StreamPlacer.PlacedFrame furthest = null;
        for (StreamPlacer.PlacedFrame f : byPosition) {
            if (furthest != null && f.position() < furthest.end()) {
                overlapped.add(f);
                overlapped.add(furthest);
            }
            if (furthest == null || f.end() > furthest.end()) {
                furthest = f;
            }
        }
        return overlapped;
    }

    /** The stream's timeline as the engine renders it: frames decoded in sequence order, placed by the mixer. */
    private static short[] render(List<StreamPlacer.PlacedFrame> placed, Codec decoder) throws Exception {
        long frames = placed.stream().mapToLong(StreamPlacer.PlacedFrame::end).max().orElse(0);
        short[] out = new short[(int) frames];
        int[] at = {0};
        Mixer mixer = new Mixer((left, right, n) -> {
            System.arraycopy(left, 0, out, at[0], n);
            at[0] += n;
        });
        for (StreamPlacer.PlacedFrame f : placed) {
            mixer.decode(Mixer.LEFT, f.position(), f.samples(), decoder, f.payload());
        }
        mixer.finish();
        return out;
    }
}
