package io.verbatim.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync for files and folders: a file or a rename is durable only once the folder holding it is synced too. */
public final class Durability {

    private Durability() {
    }

    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedHere) {
            // some file systems refuse to open folders; the rename itself is still atomic there
        }
    }

    /** Creates the missing folders of {@code directory}, each made durable in its parent. */
    public static Path createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        createDirectories(directory.getParent());
        try {
            Files.createDirectory(directory);
        } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
            return directory;
        }
        syncDirectory(directory.getParent());
        return directory;
    }

    /** A new file holding {@code bytes}, on stable storage (file and folder synced) when this returns. */
    public static void writeNew(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        syncDirectory(file.getParent());
    }
}
