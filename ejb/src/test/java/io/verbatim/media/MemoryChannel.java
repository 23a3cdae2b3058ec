package io.verbatim.media;

import java.util.Arrays;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** A file in memory for the audio writers, which go back to complete their header. */
final class MemoryChannel extends SeekableInMemoryByteChannel {

    /** What was written (the backing array is larger). */
    byte[] bytes() {
        return Arrays.copyOf(array(), (int) size());
    }
}
