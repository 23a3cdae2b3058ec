package io.verbatim.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object of a bucket read as a channel: one ranged GET from the position on, read as far as the reader goes, and
 * a new one only when the reader moves elsewhere. Reading from start to end (conversion, a download) is one request;
 * a player's seek or the decryption of an encrypted blob's segments costs one request per jump. A response cut off
 * is asked for once more from where it stopped; a second failure is the storage away.
 */
final class BucketObjectChannel implements SeekableByteChannel {

    /** Opens the object from a position to its end. */
    interface RangedGet {
        ResponseInputStream<?> from(long position) throws IOException;
    }

    private final String key;
    private final long size;
    private final RangedGet get;
    private final byte[] chunk = new byte[64 * 1024];
    private ResponseInputStream<?> body;
    private long position;
    private boolean open = true;

    BucketObjectChannel(String key, long size, RangedGet get) {
        this.key = key;
        this.size = size;
        this.get = get;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        // fills what it is given, as a file's channel does: readers such as the decryption take one read for all
        int read = 0;
        while (dst.hasRemaining() && position < size) {
            int wanted = (int) Math.min(Math.min(chunk.length, dst.remaining()), size - position);
            int n;
            try {
                n = readSome(wanted);
            } catch (NoSuchFileException gone) { // removed meanwhile: gone, not the storage away
                throw gone;
            } catch (IOException cut) { // a reset, a time-out, a stream closed early: once more from here
                stopReading();
                try {
                    n = readSome(wanted);
                } catch (NoSuchFileException gone) {
                    throw gone;
                } catch (IOException again) {
                    stopReading();
                    again.addSuppressed(cut);
                    throw new StorageUnreachableException("the object storage stopped sending " + key + " at byte " + position, again);
                }
            }
            dst.put(chunk, 0, n);
            position += n;
            read += n;
        }
        return read;
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        if (newPosition != position) {
            stopReading();
            position = newPosition;
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        stopReading();
    }

    /** Some bytes of the response; one that ends before the object does (its server went) is an error, as a reset is. */
    private int readSome(int wanted) throws IOException {
        int n = response().read(chunk, 0, wanted);
        if (n < 0) {
            throw new EOFException("the object ended at byte " + position + " of " + size);
        }
        return n;
    }

    private ResponseInputStream<?> response() throws IOException {
        if (body == null) {
            body = get.from(position);
        }
        return body;
    }

    /** Drops the rest of the response without reading it (abort, not close, which would read it to its end). */
    private void stopReading() {
        if (body != null) {
            body.abort();
            body = null;
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
