package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.fixture.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation loop over the corpus: every mutated capture either converts or fails with a typed reason
 * (invalid capture, unsupported codec) — no other exception, no hang. The seed of a failing input is printed,
 * so it can be replayed.
 */
@Tag("fuzz") // ~35 s: skip it locally with -DexcludedGroups=fuzz; the suite runs it
class CaptureFuzzTest {

    static final int INPUTS = Integer.getInteger("verbatim.fuzz.inputs", 60_000);
    static final long SEED = Long.getLong("verbatim.fuzz.seed", 20261124L);
    /** Mutating the first few kilobytes reaches every header and the first packets; longer inputs only slow it down. */
    static final int MAX_BYTES = 3000;

    @TempDir
    Path dir;

    @Test
    void mutatedCapturesConvertOrFailWithATypedReason() throws Exception {
        Path root = Corpus.root();
        assumeTrue(root != null, "no shared corpus beside this checkout");
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("captures"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                seeds.add(Arrays.copyOf(bytes, Math.min(bytes.length, MAX_BYTES)));
            }
        }
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofMinutes(10), () -> {
            SplittableRandom random = new SplittableRandom(SEED);
            Path input = dir.resolve("input.pcap");
            for (int i = 0; i < INPUTS; i++) {
                long inputSeed = random.nextLong();
                byte[] mutated = mutate(seeds.get((int) Math.floorMod(inputSeed, (long) seeds.size())), new SplittableRandom(inputSeed));
                Files.write(input, mutated);
                try {
                    new CaptureConverter().toStereoWav(input, new Discarded());
                    outcomes[0]++;
                } catch (InvalidCaptureException e) {
                    outcomes[1]++;
                } catch (UnsupportedCodecException e) {
                    outcomes[2]++;
                } catch (IOException | RuntimeException | Error e) {
                    throw new AssertionError("input " + i + " (seed " + inputSeed + ") threw " + e, e);
                }
            }
        });
        System.out.printf("fuzz: %d inputs: %d converted, %d invalid captures, %d unsupported codecs%n",
                INPUTS, outcomes[0], outcomes[1], outcomes[2]);
        assertThat(outcomes[0] + outcomes[1] + outcomes[2]).isEqualTo(INPUTS);
        assertThat(outcomes[0]).as("some mutants still convert").isPositive();
        assertThat(outcomes[1]).as("some mutants are invalid").isPositive();
    }

    /** A few random edits: bit flips, byte overwrites with interesting values, cuts, duplicated slices. */
    static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) new int[]{0, 0xff, 0x7f, 0x80, 0x01, 0xfe}[random.nextInt(6)];
                case 2 -> b = Arrays.copyOf(b, at); // truncate
                case 3 -> { // overwrite a 32-bit field (lengths, counts) with an extreme value
                    int v = new int[]{0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65535, 65536}[random.nextInt(6)];
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >> (8 * k));
                    }
                }
                default -> { // duplicate a slice
                    int length = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] longer = new byte[b.length + length];
                    System.arraycopy(b, 0, longer, 0, at + length);
                    System.arraycopy(b, at, longer, at + length, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }

    /** Output nobody reads: a damaged timeline may span hours of silence, which need not be kept. */
    private static final class Discarded implements SeekableByteChannel {
        private long position;
        private long size;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            position += n;
            size = Math.max(size, position);
            return n;
        }

        @Override
        public int read(ByteBuffer dst) {
            return -1;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long newSize) {
            size = Math.min(size, newSize);
            return this;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
