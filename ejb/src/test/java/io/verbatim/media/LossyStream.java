package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * One real stream of the shared corpus, replayed as the local party of an innovaphone call with chosen packets
 * left out, to measure a codec's loss concealment against the decode of the complete stream.
 */
final class LossyStream {

    static final long T0 = 1_700_000_000_000_000L;

    private final int payloadType;
    private final List<byte[]> payloads = new ArrayList<>();
    private final Codec codec;

    /** The stream of {@code payloadType} in the corpus capture {@code capture}; null without a corpus. */
    static LossyStream of(String capture, int payloadType) {
        Path root = Corpus.root();
        return root == null ? null : new LossyStream(root.resolve("captures").resolve(capture), payloadType);
    }

    private LossyStream(Path capture, int payloadType) {
        this.payloadType = payloadType;
        CallAudio call = CallAudio.read(capture);
        RtpStream stream = call.streams().stream().filter(s -> s.dominantPayloadType() == payloadType).findFirst().orElseThrow();
        codec = call.codec(stream).orElseThrow();
        call.place(stream, codec, stream.firstCaptureNanos(), f -> payloads.add(f.payload()));
    }

    /** How many packets the stream has. */
    int size() {
        return payloads.size();
    }

    /** Samples packet {@code i} decodes to. */
    int samples(int i) {
        return codec.samplesIn(payloads.get(i), 0, payloads.get(i).length);
    }

    /** Where packet {@code i} starts in the decoded channel. */
    int position(int i) {
        int at = 0;
        for (int p = 0; p < i; p++) {
            at += samples(p);
        }
        return at;
    }

    /** The stream as one party of an innovaphone call, leaving out the packets {@code dropped} says. */
    Path capture(Path file, IntPredicate dropped) throws Exception {
        return capture(file, dropped, i -> 0);
    }

    /**
     * The stream as one party of an innovaphone call, leaving out the packets {@code dropped} says and with packet
     * {@code i}'s record {@code damage.applyAsLong(i)} µs off its capture time.
     */
    Path capture(Path file, IntPredicate dropped, IntToLongFunction damage) throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        long micros = 0;
        long timestamp = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            int samples = samples(i);
            if (!dropped.test(i)) {
                pcap.udp(T0 + micros + damage.applyAsLong(i), "10.0.0.5", 16386, "10.0.0.9", 16388,
                        TestCaptures.rtp(payloadType, false, i, timestamp, 7, payload));
            }
            micros += samples * 1_000_000L / codec.sampleRate();
            timestamp += (long) samples * codec.clockRate() / codec.sampleRate();
        }
        return pcap.write(file);
    }

    /** The local (right) channel of the capture converted to stereo WAV. */
    static short[] local(Path capture) throws Exception {
        MemoryChannel out = new MemoryChannel();
        new CaptureConverter().toStereoWav(capture, out);
        return WavFile.parse(out.bytes()).channel(1);
    }

    /**
     * Converts the stream whole and with the packets {@code dropped} says left out; the SNR, in dB, of the second
     * against the first where the packets {@code measured} says lie.
     */
    double snr(Path dir, IntPredicate dropped, IntPredicate measured) throws Exception {
        assertThat(payloads).hasSizeGreaterThan(100);
        short[] complete = local(capture(dir.resolve("complete.pcap"), i -> false));
        short[] lossy = local(capture(dir.resolve("lossy.pcap"), dropped));
        assertThat(lossy).hasSameSizeAs(complete);
        double signal = 0;
        double error = 0;
        int at = 0;
        for (int i = 0; i < payloads.size(); i++) {
            int samples = samples(i);
            if (measured.test(i)) {
                for (int s = at; s < at + samples; s++) {
                    signal += (double) complete[s] * complete[s];
                    error += (double) (lossy[s] - complete[s]) * (lossy[s] - complete[s]);
                }
            }
            at += samples;
        }
        assertThat(signal).as("the stream has audio where packets are dropped").isGreaterThan(0);
        return 10 * Math.log10(signal / error);
    }
}
