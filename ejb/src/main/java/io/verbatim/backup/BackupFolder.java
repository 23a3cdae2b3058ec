package io.verbatim.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * Backups in a folder (a local disk, or a share mounted there): one folder a backup, named by its id, with
 * {@code .partial} after it while it is written; taking that off (a rename) makes it complete. Each file is synced and
 * takes its name by a rename once whole; {@code files.list} records each file's size and SHA-256 as it is written.
 */
final class BackupFolder extends BackupPlace {

    static final String PARTIAL = ".partial";
    private static final String FILES = "files.list";

    private final Path root;

    BackupFolder(Path root) {
        this.root = root;
    }

    @Override
    String describe() {
        return root.toString();
    }

    @Override
    List<String> complete() {
        return folders().stream().filter(f -> !f.endsWith(PARTIAL) && Files.isRegularFile(root.resolve(f).resolve(BackupManifest.FILE))).toList();
    }

    @Override
    List<String> unfinished() {
        return folders().stream().filter(f -> f.endsWith(PARTIAL)).map(f -> f.substring(0, f.length() - PARTIAL.length())).toList();
    }

    private List<String> folders() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backups in " + root, e);
        }
    }

    @Override
    BackupSet partial(String id) throws IOException {
        return new InFolder(id, Files.createDirectories(root.resolve(id + PARTIAL)));
    }

    @Override
    boolean partialHolds(String id, String relative) {
        return Files.isRegularFile(root.resolve(id + PARTIAL).resolve(relative));
    }

    @Override
    BackupSet completeSet(String id) {
        return new InFolder(id, root.resolve(id));
    }

    @Override
    boolean isComplete(String id) {
        return Files.isRegularFile(root.resolve(id).resolve(BackupManifest.FILE));
    }

    @Override
    void delete(String id, boolean complete) throws IOException {
        Path unfinished = root.resolve(id + PARTIAL);
        if (complete) { // a deletion that a crash (or an NFS lock) stops halfway leaves one a later prune takes
            Files.move(root.resolve(id), unfinished, StandardCopyOption.ATOMIC_MOVE);
        }
        PathUtils.deleteDirectory(unfinished);
    }

    /** One backup's folder. */
    private static final class InFolder extends BackupSet {
        private final Path folder;

        InFolder(String id, Path folder) {
            super(id);
            this.folder = folder;
        }

        @Override
        String where() {
            return folder.toString();
        }

        @Override
        NewFile create(String relative) throws IOException {
            Path target = folder.resolve(relative);
            Files.createDirectories(target.getParent());
            return new BackupSet.LocalFile(target.resolveSibling(target.getFileName() + ".part")) {
                @Override
                public void keep() throws IOException {
                    out().flush();
                    channel.force(true);
                    channel.close();
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            };
        }

        @Override
        InputStream open(String relative) throws IOException {
            return Files.newInputStream(folder.resolve(relative));
        }

        @Override
        boolean holds(String relative) {
            return Files.isRegularFile(folder.resolve(relative));
        }

        @Override
        Map<String, String> listed() throws IOException {
            Map<String, String> files = new LinkedHashMap<>();
            Path blobs = folder.resolve(BackupBlobs.FOLDER);
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(blobs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String relative = folder.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile() && !relative.equals(FILES) && !relative.endsWith(".part")) {
                        files.put(relative, BackupRecords.NO_VERSION);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return files;
        }

        /** A look at each file: a folder of millions lists in no order, and a look is cheap on a disk. */
        @Override
        BlobPresence blobsPresent() {
            return relative -> holds(relative) ? BackupRecords.NO_VERSION : null;
        }

        @Override
        BackupRecords records() {
            return new BackupRecords(folder.resolve(FILES));
        }

        @Override
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

        /** Takes the {@code .partial} off. */
        @Override
        BackupSet completed() throws IOException {
            records().delete();
            Path done = folder.resolveSibling(id());
            Files.move(folder, done, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(done.getParent());
            return new InFolder(id(), done);
        }
    }

    /** Makes a file's creation, renaming or deletion in a folder durable (as far as its file system can). */
    static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notOnThisFileSystem) {
            // some file systems cannot sync a folder; the rename is then as durable as they make it
        }
    }
}
