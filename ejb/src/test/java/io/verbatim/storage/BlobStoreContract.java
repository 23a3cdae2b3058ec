package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every blob store must keep: it is content-addressed, so an upload of bytes already stored adds no copy, and
 * may come while a deletion of the same bytes (their last row erased) is under way. Neither order may leave the new
 * row naming a removed blob. Each store shows its blobs as files somewhere ({@link #fileOf}), where a test can look,
 * interrupt a deletion as a crash would, and age a put's mark.
 */
abstract class BlobStoreContract {

    static final byte[] BYTES = "RIFF and some audio".getBytes(StandardCharsets.US_ASCII);

    private int staged;

    /** The store under test. */
    abstract BlobStore store();

    /** Where the store keeps a blob of this key as a file. */
    abstract Path fileOf(String key);

    /** The folder that holds every file the store keeps. */
    abstract Path everything();

    /** A folder for uploads about to be put. */
    abstract Path staging();

    /** Rounds of the put/delete race: each costs a few requests of a remote store. */
    abstract int raceRounds();

    @Test
    void aBlobStoredOnceIsRemovedAtOnceAndLeavesNothingBehind() throws Exception {
        String key = put();
        assertThat(store().exists(key)).isTrue();
        assertThat(store().delete(key)).isTrue();
        assertThat(store().exists(key)).isFalse();
        assertThat(filesInStore()).as("marks or copies left").isEmpty();
        assertThat(store().delete(key)).as("removing what is gone").isTrue();
    }

    @Test
    void aBlobStoredAgainStaysUntilTheRowNamingItHasHadTimeToCommit() throws Exception {
        String key = put();
        assertThat(put()).isEqualTo(key);
        assertThat(store().delete(key)).as("removed while a row naming it may be committing").isFalse();
        assertThat(store().exists(key)).isTrue();
        assertThat(Files.readAllBytes(fileOf(key))).isEqualTo(BYTES);

        age(key);
        assertThat(store().delete(key)).isTrue();
        assertThat(filesInStore()).isEmpty();
    }

    @Test
    void aDeletionThatACrashInterruptedIsFinishedOrUndoneByTheNextTry() throws Exception {
        String key = put();
        Path aside = fileOf(key).resolveSibling(fileOf(key).getFileName() + ".deleting");
        Files.move(fileOf(key), aside); // the crash came between putting the blob aside and looking at the mark
        assertThat(store().delete(key)).isTrue();
        assertThat(filesInStore()).isEmpty();

        put();
        put(); // stored again: the mark is fresh
        Files.move(fileOf(key), aside);
        assertThat(store().delete(key)).isFalse();
        assertThat(Files.readAllBytes(fileOf(key))).as("put back").isEqualTo(BYTES);
        assertThat(aside).doesNotExist();
    }

    /** Whatever the interleaving, a put that has returned leaves the blob stored: no deletion removes it under it. */
    @Test
    void aPutRacingADeletionOfTheSameBytesAlwaysLeavesThemStored() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        int refused = 0;
        for (int round = 0; round < raceRounds(); round++) {
            String key = put();
            age(key); // stored long ago, its last row just erased
            Path upload = staged();
            CompletableFuture<String> putting = CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return store().put(upload, Staging.sha256Of(upload), null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            start.await();
            boolean removed = store().delete(key);
            assertThat(putting.get()).isEqualTo(key);
            assertThat(store().exists(key)).as("round %d, the deletion %s", round, removed ? "removed" : "refused").isTrue();
            assertThat(Files.readAllBytes(fileOf(key))).isEqualTo(BYTES);
            refused += removed ? 0 : 1;
            age(key);
            assertThat(store().delete(key)).isTrue();
        }
        System.out.printf("%s race: %d rounds, the deletion refused in %d%n", store().getClass().getSimpleName(), raceRounds(), refused);
    }

    String put() throws Exception {
        Path file = staged();
        return store().put(file, Staging.sha256Of(file), null);
    }

    Path staged() throws Exception {
        return Files.write(Files.createDirectories(staging()).resolve("upload-" + staged++), BYTES);
    }

    /** Makes the mark of the last put older than the grace, as if that row had committed long ago. */
    void age(String key) throws Exception {
        Path mark = fileOf(key).resolveSibling(fileOf(key).getFileName() + ".put");
        if (Files.exists(mark)) {
            Files.setLastModifiedTime(mark, FileTime.from(Instant.now().minus(LocalBlobStore.REPUT_GRACE).minusSeconds(60)));
        }
    }

    List<Path> filesInStore() throws Exception {
        try (Stream<Path> files = Files.walk(everything())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
