package io.verbatim.delivery;

import io.verbatim.callinfo.CallRecord;
import io.verbatim.recording.Recording;
import io.verbatim.settings.InvalidSettingException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail's subject or body as its rule's owner wrote it, with the call's fields in braces ({@code {remoteName}}): the
 * parties, direction, start and duration in the recipient's time zone, and {@code {audio}} (the attachment's name, or
 * why there is a link instead) and {@code {link}} (the recording in Verbatim). A field without a value leaves nothing
 * and the spaces around it close up.
 */
public final class MailTemplate {

    public static final String DEFAULT_SUBJECT = "Call recording: {date} {time} {direction} call {remoteName} {remote} ({duration})";
    public static final String DEFAULT_BODY = """
            Direction: {direction}
            Remote party: {remoteName} {remote}
            Local party: {localName} {local}
            Started: {date} {time} ({zone})
            Duration: {duration}

            {audio}
            """;
    static final int SUBJECT_LENGTH = 500;
    static final int BODY_LENGTH = 4000;

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z]+)}");
    /** Filled by the mail, not the recording. */
    private static final Set<String> MAIL_FIELDS = Set.of("audio", "link");
    private static final Set<String> RECORDING_FIELDS = Set.of("direction", "remote", "remoteName", "local", "localName", "date",
            "time", "zone", "duration", "owner", "pbx", "id", "callId");

    private MailTemplate() {
    }

    /** The call's fields of a recording, times in {@code zone}. */
    public static Map<String, String> fields(Recording r, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>();
        CallRecord call = r.getCallRecord();
        values.put("direction", call == null || call.getDirection() == null ? "" : call.getDirection().name().toLowerCase(Locale.ROOT));
        values.put("remote", call == null ? "" : call.getRemoteNumber());
        values.put("remoteName", call == null ? "" : call.getRemoteName());
        values.put("local", call == null ? "" : call.getLocalNumber());
        values.put("localName", call == null ? r.getCaptureUser() : call.getLocalName());
        ZonedDateTime start = r.callStart().atZone(zone);
        values.put("date", start.format(DateTimeFormatter.ISO_LOCAL_DATE));
        values.put("time", start.format(DateTimeFormatter.ofPattern("HH:mm")));
        values.put("zone", zone.getId());
        values.put("duration", duration(r.getDurationSeconds()));
        values.put("owner", r.getOwner());
        values.put("pbx", r.getPbx());
        values.put("id", Long.toString(r.getId()));
        values.put("callId", r.getCallId());
        return values;
    }

    /** The template with each field's value; spaces a missing value leaves, and brackets left empty, close up. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.strip()));
        }
        m.appendTail(out);
        StringBuilder lines = new StringBuilder();
        for (String line : out.toString().split("\n", -1)) {
            lines.append(line.replaceAll("\\(\\s*\\)", "").replaceAll("[ \\t]{2,}", " ").replaceAll(" ([,.)])", "$1").strip()).append('\n');
        }
        return lines.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /**
     * Refuses a template with an unknown field, or too long for its column.
     *
     * @param field the API's name of the template, which the message starts with
     */
    static void check(String template, String field, int maxLength) {
        if (template.length() > maxLength) {
            throw new InvalidSettingException(field + " is longer than " + maxLength + " characters");
        }
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            if (!RECORDING_FIELDS.contains(m.group(1)) && !MAIL_FIELDS.contains(m.group(1))) {
                Set<String> known = new TreeSet<>(RECORDING_FIELDS);
                known.addAll(MAIL_FIELDS);
                throw new InvalidSettingException(field + " has no field {" + m.group(1) + "}; known: "
                        + String.join(", ", known.stream().map(k -> "{" + k + "}").toList()));
            }
        }
    }

    /** Whether the template names {@code field}. */
    static boolean names(String template, String field) {
        return template.contains("{" + field + "}");
    }


    /** {@code 1:05} or {@code 1:02:03}, as the pages show it; empty while unknown. */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
