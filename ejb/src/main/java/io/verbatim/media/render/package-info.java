/**
 * Stage 4, the call: {@link CallAudio} surveys a capture into its two parties' streams and renders them, decoded and
 * aligned on capture time, through the {@link Mixer} into a {@link PcmSink} (left the remote party, right the local
 * one), holding only a bounded window of audio. Streams at different rates are brought to one ({@code Upsampled});
 * rates that cannot be are a {@link MixedRatesException}. Uses {@code capture}, {@code rtp}, {@code codec} and
 * {@code dsp}.
 */
package io.verbatim.media.render;
