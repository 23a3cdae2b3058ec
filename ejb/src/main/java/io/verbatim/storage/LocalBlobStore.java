package io.verbatim.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link BlobStore} on the local file system under {@code <data>/blobs/ab/cd/<sha256>}: the data folder's own disk, or
 * a shared folder (NFS) mounted there for a cluster. {@link ConfiguredBlobStore} uses it unless a bucket is configured.
 *
 * <p>A put that finds its bytes already stored leaves a mark beside them ({@code <sha256>.put}), and a deletion
 * keeps a blob whose mark is younger than {@link #REPUT_GRACE}: the row that will name it again may not have
 * committed yet, so the rows a deleter counts cannot tell. The mark is written before the put looks, and the
 * deletion moves the blob aside before it looks at the mark, so of two such calls, on any node, either the deletion
 * sees the mark or the put finds no blob and stores its own copy.
 */
@ApplicationScoped
@Typed(LocalBlobStore.class) // the store's users inject BlobStore: the configured one
public class LocalBlobStore implements BlobStore {

    /** Longer than any transaction that may commit a row naming a blob just put (WildFly's timeout is 5 minutes). */
    static final Duration REPUT_GRACE = Duration.ofMinutes(10);

    @Inject
    DataDirectory data;

    @Override
    public String put(Path completeFile, String sha256Hex, String pbx) throws IOException {
        String key = ContentKey.of(sha256Hex);
        Path target = path(key);
        Durability.createDirectories(target.getParent());
        Path mark = sibling(target, ".put");
        Files.write(mark, new byte[0]); // (re)written, so its time is now: see the class comment
        if (Files.exists(target)) {
            Files.delete(completeFile); // same bytes are already stored
            return key;
        }
        try {
            Files.move(completeFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("staging and blobs must be on one file system for atomic renames", e);
        }
        Durability.syncDirectory(target.getParent());
        Files.deleteIfExists(mark); // the first copy: nothing else named it
        return key;
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        return FileChannel.open(path(key), StandardOpenOption.READ);
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path target = path(key);
        Path aside = sibling(target, ".deleting");
        Path mark = sibling(target, ".put");
        try {
            // over a copy that a deletion interrupted by a crash left aside: the same bytes
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException gone) {
            if (!Files.exists(aside)) {
                Files.deleteIfExists(mark);
                return true;
            }
        }
        if (freshlyMarked(mark)) {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return false;
        }
        Files.delete(aside);
        Files.deleteIfExists(mark);
        return true;
    }

    /**
     * Whether a put marked the blob within the grace. A mark that vanishes while it is read was removed by a put that
     * stored its own copy (it found the blob moved aside): that copy is in place, so the one aside may go.
     */
    private static boolean freshlyMarked(Path mark) throws IOException {
        try {
            return Files.getLastModifiedTime(mark).toInstant().isAfter(Instant.now().minus(REPUT_GRACE));
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static Path sibling(Path blob, String suffix) {
        return blob.resolveSibling(blob.getFileName() + suffix);
    }

    private Path path(String key) {
        return data.root().resolve("blobs").resolve(ContentKey.place(key));
    }
}
