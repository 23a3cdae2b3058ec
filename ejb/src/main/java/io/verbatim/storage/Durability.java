package io.verbatim.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync for folders: a rename is durable only once the folder holding it is synced. */
final class Durability {

    private Durability() {
    }

    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedHere) {
            // some file systems refuse to open folders; the rename itself is still atomic there
        }
    }
}
