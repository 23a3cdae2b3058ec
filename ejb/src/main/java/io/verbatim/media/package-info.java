/**
 * The pure-Java media engine that turns a call capture into audio: pcap → RTP → codecs → mixing → WAV/MP3. It reads
 * pcap and pcapng files, groups the RTP streams into the call's two parties, decodes G.711, G.722, G.729 and Opus,
 * aligns and mixes both parties on capture time, and writes WAV (16-bit PCM or A-law) or MP3, streaming so memory does
 * not grow with the call's length. It has no Jakarta EE dependency and uses no other Verbatim package, so it runs the
 * same in the server, in tests and in the {@code ear/bin/pcap2wav} command. The rest of Verbatim uses it through
 * {@link CaptureConverter}, {@link ConversionResult}, {@link OutputFormat} and its exceptions
 * {@link InvalidCaptureException} and {@link UnsupportedCodecException} (ingest also uses {@link CaptureFormat} to
 * recognise an upload); everything else here is internal. How audio is decoded, aligned or written belongs here; when
 * and for whom a recording is converted belongs in {@code io.verbatim.conversion}.
 */
package io.verbatim.media;
