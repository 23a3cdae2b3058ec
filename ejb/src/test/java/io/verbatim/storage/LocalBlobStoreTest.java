package io.verbatim.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The blob store of the data folder, held to {@link BlobStoreContract}. */
class LocalBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    private LocalBlobStore store;

    @BeforeEach
    void newStore() {
        DataDirectory data = new DataDirectory();
        data.configured = root.toString();
        store = new LocalBlobStore();
        store.data = data;
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    Path fileOf(String key) {
        return everything().resolve(ContentKey.place(key));
    }

    @Override
    Path everything() {
        return root.resolve("blobs");
    }

    @Override
    Path staging() {
        return root.resolve("staging");
    }

    @Override
    int raceRounds() {
        return 2000;
    }
}
