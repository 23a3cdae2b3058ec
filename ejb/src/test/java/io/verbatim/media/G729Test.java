package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.restcomm.media.codec.g729.Decoder;

/** Our driving of Restcomm's decoder stages gives, for good frames, exactly what its own frame loop gives. */
class G729Test {

    @Test
    void goodFramesDecodeAsRestcommsOwnLoopDecodesThem() {
        assumeTrue(Corpus.root() != null, "no shared corpus beside this checkout");
        CallAudio call = CallAudio.read(Corpus.root().resolve("captures/sipnab/tests/pcap-samples/sip-rtp-g729a.pcap"));
        RtpStream stream = call.streams().stream()
                .filter(s -> s.dominantPayloadType() == PayloadTypes.G729).findFirst().orElseThrow();
        List<byte[]> payloads = new ArrayList<>();
        call.place(stream, new G729(), stream.firstCaptureNanos(), f -> payloads.add(f.payload()));
        assertThat(payloads).hasSizeGreaterThan(100);

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
}
