package io.verbatim.media.codec.g729;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.fixture.Corpus;
import io.verbatim.media.render.CallAudio;
import io.verbatim.media.rtp.PayloadTypes;
import io.verbatim.media.rtp.RtpStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.restcomm.media.codec.g729.Decoder;

/**
 * Our frame loop over Restcomm's decoder blocks gives, for good frames, exactly what its own loop gives; lost frames
 * are concealed from each stream's own memory, the same way every time.
 */
class G729Test {

    @Test
    void goodFramesDecodeAsRestcommsOwnLoopDecodesThem() {
        List<byte[]> payloads = corpusPayloads();

        G729 ours = new G729();
        Decoder restcomm = new Decoder();
        int frames = 0;
        for (byte[] payload : payloads) {
            short[] decoded = new short[ours.samplesIn(payload, 0, payload.length)];
            assertThat(ours.decode(payload, 0, payload.length, decoded, 0)).isEqualTo(decoded.length);
            for (int at = 0; at + G729.FRAME_BYTES <= payload.length; at += G729.FRAME_BYTES, frames++) {
                byte[] pcm = restcomm.process(Arrays.copyOfRange(payload, at, at + G729.FRAME_BYTES));
                for (int i = 0; i < G729.FRAME_SAMPLES; i++) {
                    short expected = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
                    assertThat(decoded[at / G729.FRAME_BYTES * G729.FRAME_SAMPLES + i])
                            .as("frame %d, sample %d", frames, i).isEqualTo(expected);
                }
            }
        }
        assertThat(frames).isGreaterThan(200);
    }

    /**
     * Restcomm's decoder keeps the LSPs a lost frame reuses in static fields and draws its random codebook from the
     * clock: a stream decoded alongside another concealed its losses with the other's spectrum, differently on
     * each run.
     */
    @Test
    void lossIsConcealedFromTheStreamsOwnMemoryAlongsideAnotherStream() {
        List<byte[]> payloads = corpusPayloads();
        List<byte[]> other = new ArrayList<>(payloads);
        Collections.reverse(other);
        short[] alone = decodeWithLoss(payloads, null);
        assertThat(decodeWithLoss(payloads, null)).as("the same stream decoded again").isEqualTo(alone);
        assertThat(decodeWithLoss(payloads, other)).as("decoded alongside another stream").isEqualTo(alone);
        int start = 0;
        for (byte[] payload : payloads.subList(0, 52)) {
            start += G729.FRAME_SAMPLES * (payload.length / G729.FRAME_BYTES);
        }
        int lostPacketSamples = G729.FRAME_SAMPLES * (payloads.get(52).length / G729.FRAME_BYTES);
        assertThat(Arrays.copyOfRange(alone, start, start + lostPacketSamples)).as("packet 52, lost and concealed")
                .isNotEqualTo(new short[lostPacketSamples]);
    }

    /** Every seventh packet of {@code payloads} lost and concealed; {@code other}, when given, decoded in step. */
    private static short[] decodeWithLoss(List<byte[]> payloads, List<byte[]> other) {
        G729 decoder = new G729();
        G729 otherDecoder = new G729();
        short[] out = new short[payloads.size() * 2 * G729.FRAME_SAMPLES];
        short[] scratch = new short[out.length];
        int at = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            int samples = decoder.samplesIn(payload, 0, payload.length);
            boolean lost = i % 7 == 3;
            if (other != null) {
                byte[] theirs = other.get(i);
                if (lost) {
                    otherDecoder.conceal(samples, theirs, scratch, 0);
                }
                otherDecoder.decode(theirs, 0, theirs.length, scratch, 0);
            }
            if (lost) {
                assertThat(decoder.conceal(samples, payload, out, at)).isEqualTo(samples);
            } else {
                decoder.decode(payload, 0, payload.length, out, at);
            }
            at += samples;
        }
        return Arrays.copyOf(out, at);
    }

    /** The payloads of the corpus' G.729A call, in order. */
    static List<byte[]> corpusPayloads() {
        assumeTrue(Corpus.root() != null, "no shared corpus beside this checkout");
        CallAudio call = CallAudio.read(Corpus.root().resolve("captures/sipnab/tests/pcap-samples/sip-rtp-g729a.pcap"));
        RtpStream stream = call.streams().stream()
                .filter(s -> s.dominantPayloadType() == PayloadTypes.G729).findFirst().orElseThrow();
        List<byte[]> payloads = new ArrayList<>();
        call.place(stream, new G729(), stream.firstCaptureNanos(), f -> payloads.add(f.payload()));
        assertThat(payloads).hasSizeGreaterThan(100);
        return payloads;
    }
}
