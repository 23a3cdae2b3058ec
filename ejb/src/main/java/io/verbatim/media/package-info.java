/**
 * The pure-Java media engine that turns a call capture into audio, in stages, each a sub-package that uses only the
 * ones before it: {@code capture} (pcap and pcapng → UDP datagrams) → {@code rtp} (packets, a call's streams, what
 * their payload types mean, placing frames on the timeline) → {@code codec} (G.711, G.722, G.729, Opus; one
 * sub-package each) with {@code dsp} (rate conversion) → {@code render} (both parties decoded, aligned on capture
 * time and mixed, streaming, so memory does not grow with the call's length) → {@code output} (WAV, 16-bit PCM or
 * A-law, and MP3). {@code tool} is the {@code ear/bin/pcap2wav} command. It has no Jakarta EE dependency and uses no
 * other Verbatim package, so it runs the same in the server, in tests and on the command line.
 *
 * <p>This root package is all the rest of Verbatim uses (ArchitectureTest holds both): {@link CaptureConverter}
 * (which assembles the stages, and tells an upload that is a capture from one that is not), {@link ConversionResult},
 * {@link Waveform} (each party's peaks, for a player), {@link OutputFormat}, and the two failures,
 * {@link InvalidCaptureException} and {@link UnsupportedCodecException},
 * into which it turns the stages' own. How audio is decoded, aligned or written belongs here; when and for whom a
 * recording is converted belongs in {@code io.verbatim.conversion}.
 */
package io.verbatim.media;
