package io.verbatim.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void closedOpenAndSuffixRanges() {
        assertThat(ByteRange.parse("bytes=0-43", 1000)).contains(new ByteRange(0, 43));
        assertThat(ByteRange.parse("bytes=500-", 1000)).contains(new ByteRange(500, 999));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=990-2000", 1000)).contains(new ByteRange(990, 999));
        assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
    }

    @Test
    void whatIsServedWhole() {
        assertThat(ByteRange.parse(null, 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-9", 1000)).as("several ranges").isEmpty();
        assertThat(ByteRange.parse("items=0-1", 1000)).as("other unit").isEmpty();
        assertThat(ByteRange.parse("bytes=9-1", 1000)).as("reversed").isEmpty();
        assertThat(ByteRange.parse("bytes=-", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 1000)).as("overflow").isEmpty();
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.NotSatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(ByteRange.NotSatisfiable.class);
    }
}
