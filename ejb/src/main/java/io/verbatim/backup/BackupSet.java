package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.stream.Stream;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * One backup in its folder, {@code <id>} once complete and {@code <id>.partial} while it is written (a restore never
 * takes a partial one). Each file in it is encrypted with the backup key, bound to this backup and its own path, so
 * that no file can be swapped for another unnoticed; {@code files.list} records each file's size and SHA-256 as it
 * is written, for the manifest.
 */
final class BackupSet {

    static final String PARTIAL = ".partial";
    private static final String FILES = "files.list";

    /** One file of a backup, as the manifest lists it. */
    record FileEntry(String path, long size, String sha256) {
    }

    /** Writes one file's content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final String id;
    private final Path folder;

    private BackupSet(String id, Path folder) {
        this.id = id;
        this.folder = folder;
    }

    /** The backup {@code id} being written in {@code backups} (made if it is not there yet). */
    static BackupSet partial(Path backups, String id) throws IOException {
        return new BackupSet(id, Files.createDirectories(backups.resolve(id + PARTIAL)));
    }

    /** A complete backup's folder; its name is its id. */
    static BackupSet complete(Path folder) {
        return new BackupSet(folder.getFileName().toString(), folder);
    }

    String id() {
        return id;
    }

    Path folder() {
        return folder;
    }

    Path file(String relative) {
        return folder.resolve(relative);
    }

    /**
     * Writes a file encrypted, synced, under its final name only once whole, and records it.
     * @return what the manifest will say of it
     */
    FileEntry write(String relative, StreamingAead key, Content content) throws IOException {
        Path target = folder.resolve(relative);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest sha256 = sha256();
        long[] size = {0};
        try (OutputStream file = Files.newOutputStream(partial);
             OutputStream counted = new FilterOutputStream(new DigestOutputStream(file, sha256)) {
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
        try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileEntry entry = new FileEntry(relative, size[0], HexFormat.of().formatHex(sha256.digest()));
        try (BufferedWriter list = Files.newBufferedWriter(folder.resolve(FILES), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            list.write(entry.sha256() + " " + entry.size() + " " + entry.path() + "\n");
        }
        return entry;
    }

    /** Whether a file was written whole (a restarted run does not write it again). */
    boolean holds(String relative) {
        return Files.isRegularFile(folder.resolve(relative));
    }

    /** Reads a file, decrypting it; a changed or swapped file fails while it is read. */
    InputStream read(String relative, StreamingAead key) throws IOException {
        try {
            return key.newDecryptingStream(Files.newInputStream(folder.resolve(relative)), aad(relative));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt " + relative + " of backup " + id, e);
        }
    }

    /**
     * The files written, each once (the last record of a file written again counts), in the order written; a file in
     * the folder that a crash kept from being recorded is read and listed too. The manifest is not among them.
     */
    List<FileEntry> written() throws IOException {
        Map<String, FileEntry> entries = new LinkedHashMap<>();
        Path list = folder.resolve(FILES);
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 3);
                if (parts.length == 3 && holds(parts[2]) && !parts[2].equals(BackupManifest.SIGNATURE)) {
                    entries.put(parts[2], new FileEntry(parts[2], Long.parseLong(parts[1]), parts[0]));
                }
            }
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!entries.containsKey(relative) && !relative.equals(FILES) && !relative.endsWith(".part")
                        && !relative.equals(BackupManifest.FILE) && !relative.equals(BackupManifest.SIGNATURE)) {
                    entries.put(relative, hashed(file, relative));
                }
            }
        }
        return List.copyOf(entries.values());
    }

    /** A file as the manifest lists it: its size and SHA-256, read from the disk. */
    static FileEntry hashed(Path file, String relative) throws IOException {
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new FileEntry(relative, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Takes the {@code .partial} off: from now on a restore may use it. */
    BackupSet completed() throws IOException {
        Files.deleteIfExists(folder.resolve(FILES));
        Path done = folder.resolveSibling(id);
        Files.move(folder, done, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(done.getParent());
        return new BackupSet(id, done);
    }

    /** Writes a file's bytes durably under its name: whole or not at all, synced, the folder's entry too. */
    void writePlain(String relative, byte[] bytes) throws IOException {
        Path target = folder.resolve(relative);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(folder);
    }

    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notOnThisFileSystem) {
            // some file systems cannot sync a folder; the rename is then as durable as they make it
        }
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
