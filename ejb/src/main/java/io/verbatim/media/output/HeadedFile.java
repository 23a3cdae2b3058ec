package io.verbatim.media.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The file an {@link AudioWriter} streams into from a channel's position: its head (WAV header, ID3 tag) is written
 * first with what is known and again, at the same size, once the length is.
 */
final class HeadedFile {

    private final SeekableByteChannel out;
    private final long origin;
    private final int headBytes;

    HeadedFile(SeekableByteChannel out, ByteBuffer provisionalHead) throws IOException {
        this.out = out;
        this.origin = out.position();
        this.headBytes = provisionalHead.remaining();
        write(provisionalHead);
    }

    int headBytes() {
        return headBytes;
    }

    void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    /** Writes the final head over the provisional one and leaves the channel at the file's end. */
    void rewriteHead(ByteBuffer head, String what) throws IOException {
        if (head.remaining() != headBytes) {
            throw new IllegalArgumentException("the final " + what + " entries differ in length from the provisional ones");
        }
        long end = out.position();
        out.position(origin);
        write(head);
        out.position(end);
    }
}
