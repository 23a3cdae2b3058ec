package io.verbatim.media.render;

import java.io.IOException;

/** Receives rendered audio block by block: {@code frames} samples of each channel. */
@FunctionalInterface
public interface PcmSink {
    void write(short[] left, short[] right, int frames) throws IOException;
}
