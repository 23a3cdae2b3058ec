/**
 * G.711 A-law and µ-law (ITU-T G.711): table decoding, and the A-law encoding the WAV writer uses for its A-law files.
 */
package io.verbatim.media.codec.g711;
