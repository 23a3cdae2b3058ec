/**
 * The recordings as users and external systems reach them: search, one recording with its audio, original, waveform,
 * notes and ZIP ({@link io.verbatim.web.api.recordings.RecordingResource}, answering with
 * {@link io.verbatim.web.api.recordings.RecordingView}), call records pushed by a CTI system or kept from the PBX, and
 * the recycle bin.
 */
package io.verbatim.web.api.recordings;
