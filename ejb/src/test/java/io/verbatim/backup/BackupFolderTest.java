package io.verbatim.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Backups in a folder, held to {@link BackupPlaceContract}. */
class BackupFolderTest extends BackupPlaceContract {

    @TempDir
    Path root;

    @Override
    BackupPlace place() {
        return new BackupFolder(root);
    }

    @Override
    Path storedFile(String id, String relative) {
        Path complete = root.resolve(id);
        return Files.isDirectory(complete) ? complete.resolve(relative) : root.resolve(id + BackupFolder.PARTIAL).resolve(relative);
    }

    @Override
    Path recordsOf(BackupSet set) {
        return root.resolve(set.id() + BackupFolder.PARTIAL).resolve("files.list");
    }
}
