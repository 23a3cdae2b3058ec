package io.verbatim.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared corpus of real third-party captures and their reference decodes (../shared/corpus, see its
 * README): one row per reference stream of {@code reference/index.tsv}.
 */
public final class Corpus {

    private static final Pattern STREAM = Pattern.compile("^(.+)_(\\d+)-(.+)_(\\d+)_0x([0-9a-f]+)_pt(\\d+)$");

    public record Reference(String capture, String stream, String codec, int payloadType,
                            int sourcePort, int destinationPort, long ssrc, Path captureFile, Path wav) {
        public WavFile decode() {
            try {
                return WavFile.parse(Files.readAllBytes(wav));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return capture + " " + stream;
        }
    }

    private Corpus() {
    }

    /**
     * The corpus folder: {@code verbatim.corpus} when it points at one, else the nearest {@code shared/corpus}
     * above the working directory; {@code null} when this checkout has none beside it.
     */
    public static Path root() {
        String configured = System.getProperty("verbatim.corpus");
        if (configured != null && Files.isDirectory(Path.of(configured, "reference"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus");
            if (Files.isDirectory(candidate.resolve("reference"))) {
                return candidate;
            }
        }
        return null;
    }

    public static List<Reference> references(String... codecs) {
        Path root = root();
        if (root == null) {
            return List.of();
        }
        List<String> wanted = List.of(codecs);
        try {
            return Files.readAllLines(root.resolve("reference/index.tsv")).stream().skip(1)
                    .map(line -> line.split("\t"))
                    .filter(f -> wanted.contains(f[2]))
                    .map(f -> {
                        Matcher m = STREAM.matcher(f[1]);
                        if (!m.matches()) {
                            throw new IllegalStateException("unexpected stream name " + f[1]);
                        }
                        return new Reference(f[0], f[1], f[2], Integer.parseInt(f[3]),
                                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)), Long.parseLong(m.group(5), 16),
                                root.resolve("captures").resolve(f[0]),
                                root.resolve("reference").resolve(f[0].replace("/", "__")).resolve(f[1] + ".wav"));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
