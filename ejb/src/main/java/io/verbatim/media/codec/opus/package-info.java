/**
 * Opus (RFC 6716/7587) through Concentus, a pure-Java port of libopus; delivered at the chosen rate, with our own
 * decimation where Concentus' downsampling loses audio, and comfort noise during the sender's DTX pauses. Uses
 * {@code dsp}.
 */
package io.verbatim.media.codec.opus;
