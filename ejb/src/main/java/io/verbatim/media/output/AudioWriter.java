package io.verbatim.media.output;

import io.verbatim.media.render.PcmSink;
import java.io.IOException;
import java.util.Map;

/**
 * Writes rendered audio into a file format. The length is known only once the last block is written, so a writer
 * starts with a provisional header and {@link #finish} completes it.
 */
public interface AudioWriter extends PcmSink {

    /**
     * Completes the file after the last block.
     *
     * @param info the final metadata, its values as long as the provisional ones given when the writer was made
     *             (the header is rewritten in place)
     */
    void finish(Map<String, String> info) throws IOException;
}
