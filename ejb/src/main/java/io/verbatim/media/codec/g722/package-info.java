/**
 * G.722 (ITU-T G.722, 16 kHz audio on an 8 kHz RTP clock): the sub-band ADPCM decoder.
 */
package io.verbatim.media.codec.g722;
