package io.verbatim.media;

import java.io.IOException;

/** Writes rendered audio into a file format; {@link #finish()} once the last block is written. */
interface AudioWriter extends PcmSink {
    void finish() throws IOException;
}
