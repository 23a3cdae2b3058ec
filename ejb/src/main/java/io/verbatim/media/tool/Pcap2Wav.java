package io.verbatim.media.tool;

import io.verbatim.media.AudioTags;
import io.verbatim.media.CaptureConverter;
import io.verbatim.media.ConversionResult;
import io.verbatim.media.InvalidCaptureException;
import io.verbatim.media.OutputFormat;
import io.verbatim.media.UnsupportedCodecException;
import io.verbatim.media.codec.opus.Opus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts captures without the server, in the same formats (by default stereo WAV: left remote party, right
 * local party), like innovaphone's pcap2wav, for administrators holding originals. Run through
 * {@code ear/bin/pcap2wav}.
 */
public final class Pcap2Wav {

    static final String USAGE = "usage: pcap2wav [--format wav|wav-alaw|mp3-<kbps>[-mono|-remote|-local]]"
            + " [--opus-rate 8000|12000|16000|24000|48000] CAPTURE [OUTPUT]";

    private Pcap2Wav() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return 0 when converted, 1 when the capture cannot be converted (the reason is printed), 2 for bad usage */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int opusRate = Opus.DEFAULT_SAMPLE_RATE;
        OutputFormat format = OutputFormat.STEREO_WAV;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format") && i + 1 < args.length) {
                try {
                    format = OutputFormat.parse(args[++i]);
                } catch (IllegalArgumentException e) {
                    err.println("pcap2wav: --format: " + e.getMessage());
                    return 2;
                }
            } else if (args[i].equals("--opus-rate") && i + 1 < args.length) {
                try {
                    opusRate = Integer.parseInt(args[++i]);
                    new Opus(opusRate);
                } catch (IllegalArgumentException e) {
                    err.println("pcap2wav: --opus-rate: " + e.getMessage());
                    return 2;
                }
            } else if (args[i].startsWith("-")) {
                err.println(USAGE);
                return 2;
            } else {
                files.add(args[i]);
            }
        }
        if (files.isEmpty() || files.size() > 2) {
            err.println(USAGE);
            return 2;
        }
        Path capture = Path.of(files.get(0));
        Path wav = files.size() == 2 ? Path.of(files.get(1)) : withExtension(capture, format.extension());
        if (!Files.isReadable(capture)) {
            err.println("pcap2wav: cannot read " + capture);
            return 1;
        }
        try {
            Path partial = wav.resolveSibling(wav.getFileName() + ".part");
            ConversionResult result;
            try (FileChannel o = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                result = new CaptureConverter(opusRate).convert(capture, o, format, AudioTags.titled(capture.getFileName().toString()));
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, wav, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.printf("%s: %s, %.1f s at %d Hz, %d remote and %d local stream(s) -> %s%n", capture, result.codec(),
                    result.durationSeconds(), result.sampleRate(), result.remoteStreams(), result.localStreams(), wav);
            result.warnings().forEach(w -> out.println("  warning: " + w));
            return 0;
        } catch (InvalidCaptureException | UnsupportedCodecException e) {
            err.println("pcap2wav: " + capture + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("pcap2wav: " + e);
            return 1;
        }
    }

    private static Path withExtension(Path capture, String extension) {
        String name = capture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return capture.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "." + extension);
    }
}
