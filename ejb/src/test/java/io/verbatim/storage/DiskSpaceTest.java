package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiskSpaceTest {

    private static final long DISK = 200L << 30;

    @Test
    void aReserveIsASizeInBytesOrInUnitsOrAShareOfTheDisk() {
        assertThat(DiskSpace.parse("1048576", DISK)).isEqualTo(1L << 20);
        assertThat(DiskSpace.parse("16MiB", DISK)).isEqualTo(16L << 20);
        assertThat(DiskSpace.parse("500 MB", DISK)).isEqualTo(500_000_000L);
        assertThat(DiskSpace.parse("1GiB", DISK)).isEqualTo(1L << 30);
        assertThat(DiskSpace.parse("2gb", DISK)).isEqualTo(2_000_000_000L);
        assertThat(DiskSpace.parse("5%", DISK)).isEqualTo(DISK / 100 * 5);
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> DiskSpace.parse("lots", DISK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VERBATIM_DISK_RESERVE").hasMessageContaining("lots");
        assertThatThrownBy(() -> DiskSpace.parse("-5%", DISK)).isInstanceOf(IllegalArgumentException.class);
    }
}
