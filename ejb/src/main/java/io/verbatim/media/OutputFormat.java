package io.verbatim.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a converted call is written: which parties in which channels, in which file format.
 *
 * @param layout        stereo (left remote, right local), a mono mix, or one party alone
 * @param container     16-bit PCM WAV, compact A-law WAV (8 bits a sample), or MP3
 * @param mp3BitrateKbps the MP3 bit rate (ignored for WAV)
 */
public record OutputFormat(Layout layout, Container container, int mp3BitrateKbps) {

    public enum Layout {
        STEREO, MONO, REMOTE_ONLY, LOCAL_ONLY;

        int channels() {
            return this == STEREO ? 2 : 1;
        }
    }

    public enum Container {
        WAV("audio/wav", "wav"), WAV_ALAW("audio/wav", "wav"), MP3("audio/mpeg", "mp3");

        final String mediaType;
        final String extension;

        Container(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    public static final OutputFormat STEREO_WAV = new OutputFormat(Layout.STEREO, Container.WAV, 0);

    public OutputFormat {
        if (container == Container.MP3 && (mp3BitrateKbps < 8 || mp3BitrateKbps > 320)) {
            throw new IllegalArgumentException("MP3 bit rate must be between 8 and 320 kbit/s");
        }
    }

    public String mediaType() {
        return container.mediaType;
    }

    public String extension() {
        return container.extension;
    }

    /** Every file extension converted audio may have ({@code wav}, {@code mp3}). */
    public static List<String> extensions() {
        return java.util.Arrays.stream(Container.values()).map(c -> c.extension).distinct().toList();
    }

    /**
     * Reads the form settings and the command line use: {@code wav}, {@code wav-alaw} or {@code mp3[-<kbps>]},
     * then optionally {@code -mono}, {@code -remote} or {@code -local}; e.g. {@code mp3-32-mono}, {@code wav-local}.
     */
    public static OutputFormat parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("-");
        int i = 0;
        Container container;
        int bitrate = 0;
        switch (parts[i++]) {
            case "wav" -> {
                if (i < parts.length && parts[i].equals("alaw")) {
                    i++;
                    container = Container.WAV_ALAW;
                } else {
                    container = Container.WAV;
                }
            }
            case "mp3" -> {
                container = Container.MP3;
                bitrate = 32;
                if (i < parts.length && parts[i].matches("\\d{1,3}")) {
                    bitrate = Integer.parseInt(parts[i++]);
                }
            }
            default -> throw new IllegalArgumentException("output format must start with wav, wav-alaw or mp3: " + text);
        }
        Layout layout = Layout.STEREO;
        if (i < parts.length) {
            layout = switch (parts[i++]) {
                case "stereo" -> Layout.STEREO;
                case "mono" -> Layout.MONO;
                case "remote" -> Layout.REMOTE_ONLY;
                case "local" -> Layout.LOCAL_ONLY;
                default -> throw new IllegalArgumentException("unknown channel layout in output format: " + text);
            };
        }
        if (i < parts.length) {
            throw new IllegalArgumentException("unexpected '" + parts[i] + "' in output format: " + text);
        }
        return new OutputFormat(layout, container, bitrate);
    }

    /** The formats offered to pick: WAV, A-law WAV and MP3 at 32, 64 and 128 kbit/s, each in every layout. */
    public static List<OutputFormat> choices() {
        List<OutputFormat> choices = new ArrayList<>();
        for (OutputFormat base : List.of(STEREO_WAV, new OutputFormat(Layout.STEREO, Container.WAV_ALAW, 0),
                new OutputFormat(Layout.STEREO, Container.MP3, 32), new OutputFormat(Layout.STEREO, Container.MP3, 64),
                new OutputFormat(Layout.STEREO, Container.MP3, 128))) {
            for (Layout layout : Layout.values()) {
                choices.add(new OutputFormat(layout, base.container, base.mp3BitrateKbps));
            }
        }
        return choices;
    }

    /** As a person reads it: "MP3 64 kbit/s, stereo (remote left, local right)". */
    public String describe() {
        String file = switch (container) {
            case WAV -> "WAV (16-bit)";
            case WAV_ALAW -> "WAV A-law (compact)";
            case MP3 -> "MP3 " + mp3BitrateKbps + " kbit/s";
        };
        return file + ", " + switch (layout) {
            case STEREO -> "stereo (remote left, local right)";
            case MONO -> "mono (both parties mixed)";
            case REMOTE_ONLY -> "the remote party only";
            case LOCAL_ONLY -> "the local party only";
        };
    }

    /** The form {@link #parse} reads. */
    @Override
    public String toString() {
        String base = switch (container) {
            case WAV -> "wav";
            case WAV_ALAW -> "wav-alaw";
            case MP3 -> "mp3-" + mp3BitrateKbps;
        };
        return base + switch (layout) {
            case STEREO -> "";
            case MONO -> "-mono";
            case REMOTE_ONLY -> "-remote";
            case LOCAL_ONLY -> "-local";
        };
    }
}
