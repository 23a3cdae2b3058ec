/**
 * Stage 5, files: the WAV (16-bit PCM or A-law, with an INFO chunk) and MP3 writers, each a {@link AudioWriter} that
 * takes the rendered PCM as it comes and writes its header when the end is known. Uses {@code render} for the sink
 * and {@code codec.g711} for A-law.
 */
package io.verbatim.media.output;
