package io.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureNameTest {

    static final String GUID = "0123456789ABCDEF0123456789abcdef";

    @Test
    void theInnovaphoneFormWithRegistrationName() {
        CaptureName name = CaptureName.parse(GUID + "-009033aabbcc-3-alice.pcap");
        assertThat(name).isEqualTo(new CaptureName("0123456789abcdef0123456789abcdef", "009033aabbcc", "3", "alice"));
    }

    @Test
    void theFieldFormWithADoubleDash() {
        CaptureName name = CaptureName.parse(GUID + "-009033AABBCC-11--bob.smith.pcap");
        assertThat(name.owner()).isEqualTo("bob.smith");
        assertThat(name.serial()).isEqualTo("11");
        assertThat(name.device()).isEqualTo("009033aabbcc");
    }

    @Test
    void withoutARegistrationNameTheOwnerIsUnknown() {
        assertThat(CaptureName.parse(GUID + "-009033aabbcc-1.pcap").owner()).isNull();
        assertThat(CaptureName.parse(GUID + "-009033aabbcc-1--.pcap").owner()).isNull();
        assertThat(CaptureName.parse(GUID + "-009033aabbcc-1").callId()).isEqualTo(GUID.toLowerCase());
    }

    @Test
    void ownersMayContainDashesSpacesAndNonAsciiLetters() {
        assertThat(CaptureName.parse(GUID + "-009033aabbcc-1-anne-marie müller.pcap").owner()).isEqualTo("anne-marie müller");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call.pcap", "recording-2024-01-01.pcap", "0123-009033aabbcc-1-x.pcap",
            "0123456789abcdef0123456789abcdeg-009033aabbcc-1-x.pcap", "0123456789abcdef0123456789abcdef-0090-1-x.pcap"})
    void oddNamesAreKeptWithEverythingUnknown(String fileName) {
        assertThat(CaptureName.parse(fileName)).isEqualTo(CaptureName.UNKNOWN);
    }

    @Test
    void hostileNamesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> CaptureName.parse("../../etc/passwd")).hasMessageContaining("must not be a path");
        assertThatThrownBy(() -> CaptureName.parse("..")).hasMessageContaining("must not be a path");
        assertThatThrownBy(() -> CaptureName.parse("a\\b.pcap")).hasMessageContaining("must not be a path");
        assertThatThrownBy(() -> CaptureName.parse("evil\r\nSet-Cookie: x.pcap")).hasMessageContaining("control character");
        assertThatThrownBy(() -> CaptureName.parse("nul\0.pcap")).hasMessageContaining("control character");
        assertThatThrownBy(() -> CaptureName.parse("x".repeat(256))).hasMessageContaining("longer than 255");
        assertThatThrownBy(() -> CaptureName.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CaptureName.parse(null)).hasMessageContaining("empty");
    }
}
