package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bucket store against a real S3-compatible server on a local port (S3Proxy on the file system, whose folder shows
 * each object as a file), held to {@link BlobStoreContract}; and stored bytes come back whole and from any position,
 * large files go up in parts, and a bucket that does not answer is a refusal that names it.
 */
class BucketBlobStoreTest extends BlobStoreContract {

    private static final String BUCKET = "recordings";

    @TempDir
    static Path objects;

    private static InProcessS3 server;

    @TempDir
    Path staging;

    private BucketBlobStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = new InProcessS3(objects, BUCKET);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void emptyBucketAndNewStore() throws Exception {
        try (Stream<Path> left = Files.walk(objects.resolve(BUCKET))) { // by a test that failed
            for (Path file : left.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        store = new BucketBlobStore(server.settings(BUCKET, "blobs/"));
    }

    @Test
    void aBlobComesBackWholeAndFromAnyPositionAndLeavesNothingBehindWhenRemoved() throws Exception {
        String key = put();
        assertThat(key).isEqualTo("sha256:" + Staging.sha256Of(fileOf(key)));
        assertThat(Files.readAllBytes(fileOf(key))).as("the object as the server keeps it").isEqualTo(BYTES);
        assertThat(store.size(key)).isEqualTo(BYTES.length);
        try (SeekableByteChannel channel = store.open(key)) {
            assertThat(read(channel, 4, 100)).isEqualTo(Arrays.copyOfRange(BYTES, 4, BYTES.length));
            assertThat(read(channel, 0, 4)).isEqualTo("RIFF".getBytes(StandardCharsets.US_ASCII));
            assertThat(channel.read(ByteBuffer.allocate(1).position(1))).as("no room to read into").isZero();
            channel.position(BYTES.length);
            assertThat(channel.read(ByteBuffer.allocate(8))).isEqualTo(-1);
        }
        assertThat(store.delete(key)).isTrue();
        assertThat(store.exists(key)).isFalse();
        assertThat(filesInStore()).as("marks or copies left").isEmpty();
        assertThat(store.delete(key)).as("removing what is gone").isTrue();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aLargeFileGoesUpInPartsAndEveryRangeReadsBackEqual() throws Exception {
        byte[] large = new byte[(int) (2.5 * BucketBlobStore.PART_BYTES)];
        new Random(7).nextBytes(large);
        Path file = Files.write(staging.resolve("large"), large);
        String key = store.put(file, Staging.sha256Of(file), null);
        assertThat(file).as("moved into the store, as on the local disk").doesNotExist();
        assertThat(Staging.sha256Of(fileOf(key))).isEqualTo(key.substring(7));
        try (SeekableByteChannel channel = store.open(key); InputStream whole = Channels.newInputStream(store.open(key))) {
            assertThat(channel.size()).isEqualTo(large.length);
            Random at = new Random(11);
            for (int i = 0; i < 20; i++) { // a player's seeks
                int from = at.nextInt(large.length);
                int length = Math.min(at.nextInt(300_000), large.length - from);
                assertThat(read(channel, from, length)).as("bytes %d..", from).isEqualTo(Arrays.copyOfRange(large, from, from + length));
            }
            assertThat(whole.readAllBytes()).as("read from start to end").isEqualTo(large);
        }
    }

    @Test
    void aBucketThatDoesNotAnswerIsARefusalNamingIt() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path file = staged();
        try (BucketBlobStore away = new BucketBlobStore(new BucketSettings(URI.create("http://127.0.0.1:" + closed), "us-east-1",
                "away", "verbatim", "bucket-secret", true, ""))) {
            assertThatThrownBy(() -> away.put(file, Staging.sha256Of(file), null)).isInstanceOf(StorageUnreachableException.class)
                    .hasMessage("the object storage (bucket away) could not be reached to mark sha256:" + Staging.sha256Of(file));
            assertThat(file).exists();
            assertThatThrownBy(away::probe).isInstanceOf(StorageUnreachableException.class);
        }
        try (BucketBlobStore wrongSecret = new BucketBlobStore(new BucketSettings(server.endpoint(), "us-east-1", BUCKET, "verbatim", "guessed", true, ""));
             BucketBlobStore noBucket = new BucketBlobStore(server.settings("missing", ""))) {
            assertThatThrownBy(wrongSecret::probe).isInstanceOf(StorageUnreachableException.class).hasMessageContaining("HTTP 403");
            assertThatThrownBy(noBucket::probe).isInstanceOf(StorageUnreachableException.class).hasMessageContaining("HTTP 404");
            assertThatThrownBy(() -> noBucket.open(put())).as("a missing bucket is the storage at fault, not a missing blob")
                    .isInstanceOf(StorageUnreachableException.class).hasMessageContaining("HTTP 404");
        }
        store.probe();
        try (BucketBlobStore fresh = new BucketBlobStore(server.settings("made-at-start", ""))) {
            assertThat(fresh.createIfMissing()).as("a new server's first start").isTrue();
            fresh.probe();
            assertThat(fresh.createIfMissing()).as("the next start").isFalse();
        }
    }

    private static byte[] read(SeekableByteChannel channel, long from, int length) throws IOException {
        channel.position(from);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // the channel hands over what one read of the response gives
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    Path fileOf(String key) {
        return everything().resolve("blobs").resolve(ContentKey.place(key));
    }

    @Override
    Path everything() {
        return objects.resolve(BUCKET);
    }

    @Override
    Path staging() {
        return staging;
    }

    @Override
    int raceRounds() {
        return Integer.getInteger("verbatim.race.rounds", 200); // more to hunt a rare interleaving
    }
}
