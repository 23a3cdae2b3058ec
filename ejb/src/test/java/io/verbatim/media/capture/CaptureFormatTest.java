package io.verbatim.media.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptureFormatTest {

    @Test
    void recognisesPcapInBothByteOrdersAndPrecisions() {
        assertThat(detect(0xd4, 0xc3, 0xb2, 0xa1)).isEqualTo(CaptureFormat.PCAP);
        assertThat(detect(0xa1, 0xb2, 0xc3, 0xd4)).isEqualTo(CaptureFormat.PCAP);
        assertThat(detect(0x4d, 0x3c, 0xb2, 0xa1)).isEqualTo(CaptureFormat.PCAP);
        assertThat(detect(0xa1, 0xb2, 0x3c, 0x4d)).isEqualTo(CaptureFormat.PCAP);
        assertThat(detect(0x0a, 0x0d, 0x0d, 0x0a)).isEqualTo(CaptureFormat.PCAPNG);
    }

    @Test
    void rejectsEverythingElse() {
        assertThat(detect('R', 'I', 'F', 'F')).isNull();
        assertThat(detect(0x50, 0x4b, 0x03, 0x04)).isNull();
        assertThat(CaptureFormat.detect(new byte[]{(byte) 0xd4, (byte) 0xc3}, 2)).isNull();
    }

    private static CaptureFormat detect(int a, int b, int c, int d) {
        return CaptureFormat.detect(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d}, 4);
    }
}
