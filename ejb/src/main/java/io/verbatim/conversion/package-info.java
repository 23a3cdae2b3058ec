/**
 * The conversion queue: turning each received original into playable audio, shared by any number of nodes without
 * converting one recording twice. {@link ConversionDrain} runs this node's workers (two per core, woken by each
 * upload); {@link ConversionService} claims the oldest waiting recording, converts it with {@code io.verbatim.media} in
 * the output format of the PBX's settings, stores the audio through {@code io.verbatim.storage}, records the outcome on
 * the {@code io.verbatim.recording} row, and seals it when sealing is on. When and for whom a recording is converted
 * belongs here; how audio is decoded and mixed belongs in {@code io.verbatim.media}.
 */
package io.verbatim.conversion;
