package io.verbatim.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.fixture.TestCaptures;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void parsesTheFixedHeader() {
        byte[] d = TestCaptures.rtp(8, true, 0xfffe, 0x89abcdefL, 0x12345678L, new byte[]{1, 2, 3});
        RtpPacket p = RtpPacket.parse(d, d.length);
        assertThat(p).isNotNull();
        assertThat(p.payloadType()).isEqualTo(8);
        assertThat(p.marker()).isTrue();
        assertThat(p.sequenceNumber()).isEqualTo(0xfffe);
        assertThat(p.timestamp()).isEqualTo(0x89abcdefL);
        assertThat(p.ssrc()).isEqualTo(0x12345678L);
        assertThat(p.payloadOffset()).isEqualTo(12);
        assertThat(p.payloadLength()).isEqualTo(3);
    }

    @Test
    void skipsCsrcsExtensionAndPadding() {
        byte[] d = {
                (byte) 0xb1, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, // V=2 P=1 X=1 CC=1, PT 0
                9, 9, 9, 9, // one CSRC
                (byte) 0xbe, (byte) 0xde, 0, 1, 7, 7, 7, 7, // extension of one word
                42, 43, // payload
                0, 0, 3 // three bytes of padding
        };
        RtpPacket p = RtpPacket.parse(d, d.length);
        assertThat(p).isNotNull();
        assertThat(p.payloadOffset()).isEqualTo(24);
        assertThat(p.payloadLength()).isEqualTo(2);
        assertThat(d[p.payloadOffset()]).isEqualTo((byte) 42);
    }

    @Test
    void rejectsWhatIsNotRtp() {
        byte[] sip = "INVITE sip:bob@example.com SIP/2.0\r\n".getBytes();
        assertThat(RtpPacket.parse(sip, sip.length)).as("SIP").isNull();
        byte[] rtcp = {(byte) 0x80, (byte) 200, 0, 6, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(RtpPacket.parse(rtcp, rtcp.length)).as("RTCP sender report").isNull();
        byte[] shortOne = {(byte) 0x80, 0, 0};
        assertThat(RtpPacket.parse(shortOne, shortOne.length)).as("too short").isNull();
        byte[] badCsrc = {(byte) 0x8f, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3};
        assertThat(RtpPacket.parse(badCsrc, badCsrc.length)).as("CSRC count past the end").isNull();
        byte[] badPadding = {(byte) 0xa0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, (byte) 200};
        assertThat(RtpPacket.parse(badPadding, badPadding.length)).as("padding longer than the packet").isNull();
    }
}
