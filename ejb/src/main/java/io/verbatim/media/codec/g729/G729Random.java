package io.verbatim.media.codec.g729;

/**
 * The G.729 Recommendation's 16-bit linear congruential generator (its {@code Random}). The decoder's concealment
 * and its comfort noise each hold one, since each follows its own sequence from its own seed.
 */
final class G729Random {

    private final short start;
    private short seed;

    G729Random(short start) {
        this.start = start;
        this.seed = start;
    }

    int next() {
        seed = (short) (seed * 31821 + 13849);
        return seed;
    }

    /** Starts the sequence over from its seed. */
    void restart() {
        seed = start;
    }
}
