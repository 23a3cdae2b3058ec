package io.verbatim.media;

/**
 * What a player draws for a call: each party's loudest moment per stretch of {@code stretchMillis} (0 silence, 255
 * full scale), the remote party's and the local party's apart, whatever layout the audio file has.
 */
public record Waveform(int stretchMillis, byte[] remote, byte[] local) {

    /** Stretches start at 50 ms and double as a call outgrows this many: a player's width, whatever the call's length. */
    public static final int MAX_STRETCHES = 1024;
    static final int FIRST_STRETCH_MILLIS = 50;

}
