package io.verbatim.archive;

import io.verbatim.callinfo.CallRecord;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingNote;
import io.verbatim.settings.InvalidSettingException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The JSON file beside each exported recording: the items a target chose (as PortaSwitch's {@code meta_file_items}),
 * by default all; an item without a value (no call record yet, no notes) is left out.
 */
final class ExportMetadata {

    /** What the file holds of one recording: the recording, its call record (may be null), notes, the audio's file name. */
    record Source(Recording recording, CallRecord call, List<RecordingNote> notes, String audioFile) {
    }

    private static final Map<String, BiConsumer<Source, JsonObjectBuilder>> ITEMS = new LinkedHashMap<>();

    static {
        item("id", (s, j) -> j.add("id", s.recording.getId()));
        item("pbx", (s, j) -> text(j, "pbx", s.recording.getPbx()));
        item("callId", (s, j) -> text(j, "callId", s.recording.getCallId()));
        item("direction", (s, j) -> text(j, "direction", s.call == null || s.call.getDirection() == null ? null
                : s.call.getDirection().name().toLowerCase(Locale.ROOT)));
        item("localNumber", (s, j) -> text(j, "localNumber", s.call == null ? null : s.call.getLocalNumber()));
        item("localName", (s, j) -> text(j, "localName", s.call == null ? null : s.call.getLocalName()));
        item("remoteNumber", (s, j) -> text(j, "remoteNumber", s.call == null ? null : s.call.getRemoteNumber()));
        item("remoteName", (s, j) -> text(j, "remoteName", s.call == null ? null : s.call.getRemoteName()));
        item("owner", (s, j) -> text(j, "owner", s.recording.getOwner()));
        item("captureUser", (s, j) -> text(j, "captureUser", s.recording.getCaptureUser()));
        item("device", (s, j) -> text(j, "device", s.recording.getDevice()));
        item("start", (s, j) -> time(j, "start", s.recording.getStartedAt()));
        item("end", (s, j) -> time(j, "end", s.recording.getStartedAt() == null || s.recording.getDurationSeconds() == null ? null
                : s.recording.getStartedAt().plusMillis(Math.round(s.recording.getDurationSeconds() * 1000))));
        item("durationSeconds", (s, j) -> {
            if (s.recording.getDurationSeconds() != null) {
                j.add("durationSeconds", s.recording.getDurationSeconds());
            }
        });
        item("receivedAt", (s, j) -> time(j, "receivedAt", s.recording.getReceivedAt()));
        item("codec", (s, j) -> text(j, "codec", s.recording.getCodec()));
        item("audioFormat", (s, j) -> text(j, "audioFormat", s.recording.getAudioFormat()));
        item("audioFile", (s, j) -> text(j, "audioFile", s.audioFile));
        item("audioSha256", (s, j) -> text(j, "audioSha256", s.recording.getAudioSha256()));
        item("originalFile", (s, j) -> text(j, "originalFile", s.recording.getFileName()));
        item("originalSha256", (s, j) -> text(j, "originalSha256", s.recording.getOriginalSha256()));
        item("sealedAt", (s, j) -> time(j, "sealedAt", s.recording.getSealedAt()));
        item("notes", (s, j) -> {
            if (!s.notes.isEmpty()) {
                JsonArrayBuilder notes = Json.createArrayBuilder();
                for (RecordingNote n : s.notes) {
                    notes.add(Json.createObjectBuilder().add("author", n.getAuthor()).add("writtenAt", n.getWrittenAt().toString())
                            .add("text", n.getText()));
                }
                j.add("notes", notes);
            }
        });
    }

    private ExportMetadata() {
    }

    private static void item(String name, BiConsumer<Source, JsonObjectBuilder> writer) {
        ITEMS.put(name, writer);
    }

    /** Every item's name, in the file's order. */
    static List<String> all() {
        return List.copyOf(ITEMS.keySet());
    }

    /**
     * The items as given, checked; none given: all.
     *
     * @throws InvalidSettingException naming an item that is not one
     */
    static List<String> checked(List<String> items) {
        if (items == null || items.isEmpty()) {
            return all();
        }
        for (String item : items) {
            if (!ITEMS.containsKey(item)) {
                throw new InvalidSettingException("metadataItems has no item " + item + "; known: " + String.join(", ", ITEMS.keySet()));
            }
        }
        return ITEMS.keySet().stream().filter(items::contains).toList(); // the file's order, each once
    }

    static byte[] write(Source source, List<String> items) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (String item : items) {
            BiConsumer<Source, JsonObjectBuilder> writer = ITEMS.get(item);
            if (writer != null) {
                writer.accept(source, json);
            }
        }
        return (json.build().toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }
}
