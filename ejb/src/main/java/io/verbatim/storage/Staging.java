package io.verbatim.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives bodies into {@code <data>/staging/<node>}: streamed in fixed-size buffers (never whole in memory),
 * hashed on the way, fsynced before anyone is told they are there. Each node has its own folder, so that a
 * node starting up can clear what its own interrupted requests left without touching another node's uploads.
 */
@ApplicationScoped
public class Staging {

    static final int HEAD_BYTES = 64;
    private static final Logger LOG = Logger.getLogger(Staging.class.getName());

    @Inject
    DataDirectory data;

    @Inject
    DiskSpace space;

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "verbatim")
    String node;

    /**
     * Removes what interrupted requests and conversions of this node left behind. Only at start-up, when
     * none of them can still be running. Nothing there was ever acknowledged to a device (a 201 comes after
     * the move into the blob store), so the devices still hold those captures and send them again.
     */
    public int clearLeftovers() throws IOException {
        int removed = 0;
        try (var files = Files.list(folder())) {
            for (Path leftover : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(leftover);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("Removed " + removed + " unfinished files from " + folder());
        }
        return removed;
    }

    private Path folder() {
        return data.folder("staging/" + node);
    }

    /** How often a body's streaming looks at the free space: so many bytes at the most eat into the reserve per upload. */
    private static final long SPACE_CHECK_BYTES = 1 << 20;

    /**
     * @throws TooLargeException when the body passes {@code maxBytes}; the partial file is removed
     * @throws InsufficientStorageException when the disk's free space falls to its reserve; likewise
     */
    public StagedFile receive(InputStream body, long maxBytes) throws IOException {
        Path file = newFile(".part");
        MessageDigest sha256 = sha256();
        byte[] head = new byte[HEAD_BYTES];
        int headLength = 0;
        long size = 0;
        boolean complete = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            long unchecked = 0;
            while ((n = body.read(buffer)) != -1) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                unchecked += n;
                if (unchecked >= SPACE_CHECK_BYTES) {
                    space.ensureRoomFor(0);
                    unchecked = 0;
                }
                if (headLength < HEAD_BYTES) {
                    int take = Math.min(n, HEAD_BYTES - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
            complete = true;
        } catch (IOException e) {
            if (!space.aboveReserve()) { // the disk filled up (with other uploads, say) before a check saw it
                space.ensureRoomFor(0);
            }
            throw e;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return new StagedFile(file, HexFormat.of().formatHex(sha256.digest()), size, java.util.Arrays.copyOf(head, headLength));
    }

    /** A new empty file in staging, for work in progress (conversion output). */
    public Path newFile(String suffix) throws IOException {
        return Files.createFile(folder().resolve(UUID.randomUUID() + suffix));
    }

    /** SHA-256 of a whole file, streamed. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
