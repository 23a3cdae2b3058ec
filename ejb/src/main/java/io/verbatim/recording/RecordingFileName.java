package io.verbatim.recording;

import io.verbatim.callinfo.CallRecord;
import io.verbatim.settings.InvalidSettingException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a recording's files get when they leave the server, made for people (and file managers that sort by name):
 * {@code 2026-12-03_1435_out_+4989123456_Acme-GmbH}, the call's time in the reader's zone, its direction and the
 * other party, as the PBX's call record says; without a call record, the time and the recording's id. A template of
 * fields in braces makes other names (and folders, with {@code /}); a field with no value drops out with its separator.
 */
public final class RecordingFileName {

    /** What a download is called. */
    public static final String DEFAULT = "{yyyy}-{MM}-{dd}_{HH}{mm}_{direction}_{remote}_{remoteName}";
    /** The default's stand-in while no call record has come: the time alone would name many calls. */
    private static final String WITHOUT_CALL_RECORD = "{yyyy}-{MM}-{dd}_{HH}{mm}_recording-{id}";

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Map<String, Function<Fields, String>> FIELDS = Map.ofEntries(
            Map.entry("yyyy", f -> String.format("%04d", f.time.getYear())),
            Map.entry("MM", f -> String.format("%02d", f.time.getMonthValue())),
            Map.entry("dd", f -> String.format("%02d", f.time.getDayOfMonth())),
            Map.entry("HH", f -> String.format("%02d", f.time.getHour())),
            Map.entry("mm", f -> String.format("%02d", f.time.getMinute())),
            Map.entry("ss", f -> String.format("%02d", f.time.getSecond())),
            Map.entry("direction", f -> f.call == null || f.call.getDirection() == null ? null : f.call.getDirection().word()),
            Map.entry("remote", f -> f.call == null ? null : f.call.getRemoteNumber()),
            Map.entry("remoteName", f -> f.call == null ? null : f.call.getRemoteName()),
            Map.entry("local", f -> f.call == null ? null : f.call.getLocalNumber()),
            Map.entry("localName", f -> f.call == null ? null : f.call.getLocalName()),
            Map.entry("callId", f -> f.recording.getCallId()),
            Map.entry("id", f -> String.valueOf(f.recording.getId())),
            Map.entry("pbx", f -> f.recording.getPbx()),
            Map.entry("owner", f -> f.recording.getOwner()),
            Map.entry("user", f -> f.recording.getCaptureUser()));
    /** Anything but letters, digits and + . @ ( ) becomes a dash: no separators, quotes or spaces from a PBX's names. */
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}+.@()]+");

    private RecordingFileName() {
    }

    /** The default name in {@code zone}: the call's time, direction and other party. */
    public static String of(Recording recording, ZoneId zone) {
        return of(recording.getCallRecord() == null ? WITHOUT_CALL_RECORD : DEFAULT, recording, zone);
    }

    /** The name a template gives the recording, without an extension; {@code /} in the template makes folders. */
    public static String of(String template, Recording recording, ZoneId zone) {
        check(template, "nameTemplate");
        Fields fields = new Fields(recording, recording.getCallRecord(), recording.callStart().atZone(zone));
        List<String> segments = new ArrayList<>();
        for (String segment : template.split("/")) {
            segments.add(segment(segment, fields));
        }
        return String.join("/", segments);
    }

    /**
     * Refuses a template that would not make a name: empty, an unknown field, an absolute path, or a folder that
     * could climb out of its target ({@code ..}).
     */
    public static void check(String template, String field) {
        if (template == null || template.isBlank()) {
            throw new InvalidSettingException(field + " is empty: give fields such as " + DEFAULT);
        }
        if (template.startsWith("/") || template.contains("\\") || List.of(template.split("/")).contains("..")
                || template.contains("//")) {
            throw new InvalidSettingException(field + " " + template + " must be a relative path without .. or \\");
        }
        if (template.matches("(?s).*[*?\"<>|\\p{Cntrl}].*")) { // wildcards on an SFTP server, and what file systems refuse
            throw new InvalidSettingException(field + " " + template + " must not hold * ? \" < > | or control characters");
        }
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            if (!FIELDS.containsKey(m.group(1))) {
                throw new InvalidSettingException(field + " has no field {" + m.group(1) + "}; known: "
                        + String.join(", ", FIELDS.keySet().stream().sorted().map(k -> "{" + k + "}").toList()));
            }
        }
    }

    /** A name's letters as ASCII, for what cannot carry more (an HTTP header's plain {@code filename}). */
    public static String ascii(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^\\x20-\\x7e]", "_").replace('"', '_').replace('\\', '_');
    }

    /** Each field with the text before it, both left out when the field has no value (so no doubled separators). */
    private static String segment(String template, Fields fields) {
        StringBuilder name = new StringBuilder();
        Matcher m = FIELD.matcher(template);
        int from = 0;
        while (m.find()) {
            String value = safe(FIELDS.get(m.group(1)).apply(fields));
            if (!value.isEmpty()) {
                name.append(template, from, m.start()).append(value);
            }
            from = m.end();
        }
        name.append(template.substring(from));
        String made = name.toString().replaceAll("^[-_ .]+|[-_ ]+$", "");
        return made.isEmpty() ? "recording-" + fields.recording.getId() : made;
    }

    private static String safe(String value) {
        if (value == null) {
            return "";
        }
        return UNSAFE.matcher(value.strip()).replaceAll("-").replaceAll("^-+|-+$", "");
    }



    private record Fields(Recording recording, CallRecord call, ZonedDateTime time) {
    }
}
