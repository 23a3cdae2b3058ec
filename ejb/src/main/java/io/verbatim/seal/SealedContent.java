package io.verbatim.seal;

import io.verbatim.recording.Recording;
import java.nio.charset.StandardCharsets;

/**
 * What a seal signs, as text anyone can read and check: the audio's SHA-256 and the recording's metadata that never
 * changes once it is converted (not its owner, which an administrator may reassign). One "name: value" per line,
 * in this order, UTF-8, each line ending in a line feed; the ZIP download carries exactly these bytes.
 */
public final class SealedContent {

    public static final String FORMAT = "verbatim-seal-v1";

    private SealedContent() {
    }

    public static byte[] of(Recording r) {
        StringBuilder text = new StringBuilder();
        line(text, "format", FORMAT);
        line(text, "recording", Long.toString(r.getId()));
        line(text, "pbx", r.getPbx());
        line(text, "file", r.getFileName());
        line(text, "call-id", r.getCallId());
        line(text, "device", r.getDevice());
        line(text, "received", String.valueOf(r.getReceivedAt()));
        line(text, "start", String.valueOf(r.getStartedAt()));
        line(text, "duration-seconds", r.getDurationSeconds() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", r.getDurationSeconds()));
        line(text, "codec", r.getCodec());
        line(text, "original-sha256", r.getOriginalSha256());
        line(text, "audio-format", r.getAudioFormat());
        line(text, "audio-sha256", r.getAudioSha256());
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder text, String name, String value) {
        // a line feed inside a value would let one field pass for two
        text.append(name).append(": ").append(value == null ? "" : value.replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
}
