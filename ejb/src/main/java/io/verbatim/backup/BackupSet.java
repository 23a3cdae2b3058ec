package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * One backup where backups are kept ({@link BackupPlace}): written file by file, then complete; a restore never takes
 * one that is not. Each file in it is encrypted with the backup key, bound to this backup and its own path, so that
 * no file can be swapped for another unnoticed; each file's size and SHA-256 are recorded as it is written, for the
 * manifest. How files are kept (a folder, a bucket) is the place's: this class is what they share.
 */
abstract class BackupSet {

    /** One file of a backup, as the manifest lists it. */
    record FileEntry(String path, long size, String sha256) {
    }

    /** Writes one file's content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file being written: under its name only once {@link #keep()} returns; closed without it, it is dropped. */
    interface NewFile extends Closeable {
        OutputStream out();

        /** Makes the file whole and durable under its name. */
        void keep() throws IOException;
    }

    /** A new file written into a local file first (its final place, or a spool folder): dropped unless kept. */
    abstract static class LocalFile implements NewFile {
        final Path file;
        final FileChannel channel;
        private final OutputStream out;

        LocalFile(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            this.out = Channels.newOutputStream(channel);
        }

        @Override
        public OutputStream out() {
            return out;
        }

        @Override
        public void close() throws IOException {
            channel.close();
            Files.deleteIfExists(file); // gone already once kept by a rename
        }
    }

    private final String id;

    BackupSet(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Where it is, for a message: its folder or its place in the bucket. */
    abstract String where();

    abstract NewFile create(String relative) throws IOException;

    /** The file's bytes as they are kept (encrypted, but for the manifest). */
    abstract InputStream open(String relative) throws IOException;

    /** Whether a file was written whole (a restarted run does not write it again). */
    abstract boolean holds(String relative) throws IOException;

    /** Where the blob files are, in a backup. */
    static final String BLOBS = BackupBlobs.FOLDER + "/";

    /**
     * Every file written whole outside {@link #BLOBS} (a backup's few: its database, keys and lists), by its path in
     * the backup, with the version the place keeps it at (a bucket's ETag; {@link BackupRecords#NO_VERSION} in a
     * folder), in one look.
     */
    abstract Map<String, String> listed() throws IOException;

    /** Which blob files are written whole, and at which version: asked in the order of their paths. */
    interface BlobPresence {
        /** @return the file's version, or null when the backup does not hold it */
        String version(String relative) throws IOException;
    }

    abstract BlobPresence blobsPresent();

    /** What this run wrote, for the manifest. */
    abstract BackupRecords records();

    /** The version a file just kept has (a bucket's ETag), for its record. */
    String keptVersion(String relative) {
        return BackupRecords.NO_VERSION;
    }

    /** Whether a record's version is the one a file is kept at now (a bucket's ETags may come quoted). */
    static boolean sameVersion(String recorded, String now) {
        return now != null && recorded != null && recorded.replace("\"", "").equals(now.replace("\"", ""));
    }

    /** Writes a file's bytes durably under its name, unencrypted: whole or not at all. */
    abstract void writePlain(String relative, byte[] bytes) throws IOException;

    /** From now on a restore may use it (its manifest is written). */
    abstract BackupSet completed() throws IOException;

    /**
     * Writes a file encrypted, durably, under its final name only once whole, and records it.
     * @return what the manifest will say of it
     */
    FileEntry write(String relative, StreamingAead key, Content content) throws IOException {
        MessageDigest sha256 = sha256();
        long[] size = {0};
        try (NewFile file = create(relative)) {
            try (OutputStream counted = new FilterOutputStream(new DigestOutputStream(CloseShieldOutputStream.wrap(file.out()), sha256)) {
                     @Override
                     public void write(byte[] b, int off, int len) throws IOException {
                         out.write(b, off, len);
                         size[0] += len;
                     }

                     @Override
                     public void write(int b) throws IOException {
                         out.write(b);
                         size[0]++;
                     }
                 };
                 OutputStream encrypting = key.newEncryptingStream(counted, aad(relative))) {
                content.writeTo(CloseShieldOutputStream.wrap(encrypting)); // closing what wraps it must not end the encryption twice
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt " + relative + " with the backup key", e);
            }
            file.keep();
        }
        FileEntry entry = new FileEntry(relative, size[0], HexFormat.of().formatHex(sha256.digest()));
        records().append(entry, keptVersion(relative));
        return entry;
    }

    /** Reads a file, decrypting it; a changed or swapped file fails while it is read. */
    InputStream read(String relative, StreamingAead key) throws IOException {
        try {
            return key.newDecryptingStream(open(relative), aad(relative));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt " + relative + " of backup " + id, e);
        }
    }

    /**
     * The files written outside {@link #BLOBS} (the blobs' are in {@link BlobSums}), each once (the last record of a
     * file written again counts), in the order written; a file that a crash kept from being recorded, or that was
     * written again since its record, is read and listed too. The manifest and what it signs are not among them.
     */
    List<FileEntry> written() throws IOException {
        Map<String, String> listed = listed();
        Map<String, FileEntry> entries = new LinkedHashMap<>();
        for (BackupRecords.Line line : records().outside(BLOBS)) {
            String path = line.entry().path();
            if (sameVersion(line.version(), listed.get(path)) && !path.equals(BackupManifest.SIGNATURE) && !path.equals(BlobSums.FILE)) {
                entries.put(path, line.entry());
            }
        }
        for (String relative : listed.keySet()) {
            if (!entries.containsKey(relative) && !relative.equals(BackupManifest.FILE) && !relative.equals(BackupManifest.SIGNATURE)
                    && !relative.equals(BlobSums.FILE)) {
                entries.put(relative, hashed(relative));
            }
        }
        return List.copyOf(entries.values());
    }

    /** A file as the manifest lists it: its size and SHA-256, read from where it is kept. */
    FileEntry hashed(String relative) throws IOException {
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(open(relative), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new FileEntry(relative, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * Reads a file that is read slowly, over a whole run (a blob list), decrypting it: see {@link #openLocally}.
     */
    InputStream readLocally(String relative, StreamingAead key) throws IOException {
        InputStream kept = openLocally(relative);
        try {
            return key.newDecryptingStream(kept, aad(relative));
        } catch (GeneralSecurityException | RuntimeException e) {
            kept.close();
            throw new IOException("cannot decrypt " + relative + " of backup " + id, e);
        }
    }

    /** A file's bytes as kept, from this node's disk: a place far away takes it down first, so no connection waits for hours. */
    InputStream openLocally(String relative) throws IOException {
        return open(relative);
    }

    /** What the encryption binds a file to: this backup and the file's place in it. */
    byte[] aad(String relative) {
        return (id + "/" + relative).getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
