package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store is content-addressed: an upload of bytes already stored adds no copy, and may come while a deletion of
 * the same bytes (their last row erased) is under way. Neither order may leave the new row naming a removed blob.
 */
class LocalBlobStoreTest {

    private static final byte[] BYTES = "RIFF and some audio".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private LocalBlobStore store;
    private int staged;

    @BeforeEach
    void store() {
        DataDirectory data = new DataDirectory();
        data.configured = root.toString();
        store = new LocalBlobStore();
        store.data = data;
    }

    @Test
    void aBlobStoredOnceIsRemovedAtOnceAndLeavesNothingBehind() throws Exception {
        String key = put();
        assertThat(store.exists(key)).isTrue();
        assertThat(store.delete(key)).isTrue();
        assertThat(store.exists(key)).isFalse();
        assertThat(filesInStore()).as("marks or copies left").isEmpty();
        assertThat(store.delete(key)).as("removing what is gone").isTrue();
    }

    @Test
    void aBlobStoredAgainStaysUntilTheRowNamingItHasHadTimeToCommit() throws Exception {
        String key = put();
        assertThat(put()).isEqualTo(key);
        assertThat(store.delete(key)).as("removed while a row naming it may be committing").isFalse();
        assertThat(store.exists(key)).isTrue();
        assertThat(Files.readAllBytes(blob(key))).isEqualTo(BYTES);

        age(key);
        assertThat(store.delete(key)).isTrue();
        assertThat(filesInStore()).isEmpty();
    }

    @Test
    void aDeletionThatACrashInterruptedIsFinishedOrUndoneByTheNextTry() throws Exception {
        String key = put();
        Path aside = blob(key).resolveSibling(blob(key).getFileName() + ".deleting");
        Files.move(blob(key), aside); // the crash came between moving the blob aside and looking at the mark
        assertThat(store.delete(key)).isTrue();
        assertThat(filesInStore()).isEmpty();

        put();
        put(); // stored again: the mark is fresh
        Files.move(blob(key), aside);
        assertThat(store.delete(key)).isFalse();
        assertThat(Files.readAllBytes(blob(key))).as("put back").isEqualTo(BYTES);
        assertThat(aside).doesNotExist();
    }

    /** Whatever the interleaving, a put that has returned leaves the blob stored: no deletion removes it under it. */
    @Test
    void aPutRacingADeletionOfTheSameBytesAlwaysLeavesThemStored() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        int refused = 0;
        for (int round = 0; round < 2000; round++) {
            String key = put();
            age(key); // stored long ago, its last row just erased
            Path upload = staged();
            CompletableFuture<String> putting = CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return store.put(upload, Staging.sha256Of(upload), null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            start.await();
            boolean removed = store.delete(key);
            assertThat(putting.get()).isEqualTo(key);
            assertThat(store.exists(key)).as("round %d, the deletion %s", round, removed ? "removed" : "refused").isTrue();
            assertThat(Files.readAllBytes(blob(key))).isEqualTo(BYTES);
            refused += removed ? 0 : 1;
            age(key);
            assertThat(store.delete(key)).isTrue();
        }
        System.out.printf("LocalBlobStore race: 2000 rounds, the deletion refused in %d%n", refused);
    }

    private String put() throws Exception {
        Path file = staged();
        return store.put(file, Staging.sha256Of(file), null);
    }

    private Path staged() throws Exception {
        Path file = Files.createDirectories(root.resolve("staging")).resolve("upload-" + staged++);
        return Files.write(file, BYTES);
    }

    private Path blob(String key) {
        String hex = key.substring("sha256:".length());
        return root.resolve("blobs").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    /** Makes the mark of the last put older than the grace, as if that row had committed long ago. */
    private void age(String key) throws Exception {
        Path mark = blob(key).resolveSibling(blob(key).getFileName() + ".put");
        if (Files.exists(mark)) {
            Files.setLastModifiedTime(mark, FileTime.from(Instant.now().minus(LocalBlobStore.REPUT_GRACE).minusSeconds(60)));
        }
    }

    private java.util.List<Path> filesInStore() throws Exception {
        try (Stream<Path> files = Files.walk(root.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
