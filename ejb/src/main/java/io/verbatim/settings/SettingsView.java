package io.verbatim.settings;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings as they may be shown (no secrets), by their API names: every declared setting but the secrets, and what
 * only a view shows ({@link #SHOWN_ONLY}). A value left out is none (no licences enforced, no crypt key).
 */
public final class SettingsView implements Serializable {

    /** What a view shows beyond the settings themselves: name, kind ({@code String} or {@code Boolean}), meaning. */
    public record ShownOnly(Class<?> type, String description) implements Serializable {
    }

    /** The fields only a view has; a change naming them is taken as leaving them be. */
    public static final Map<String, ShownOnly> SHOWN_ONLY = shownOnly();

    private final LinkedHashMap<String, Object> fields;

    SettingsView(Map<String, Object> fields) {
        this.fields = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) { // left out, as a record's null was
                this.fields.put(name, value);
            }
        });
    }

    private static Map<String, ShownOnly> shownOnly() {
        Map<String, ShownOnly> shown = new LinkedHashMap<>();
        shown.put("pbx", new ShownOnly(String.class, "The PBX the settings are of; absent: the deployment's and every PBX's defaults"));
        shown.put("webdavPasswordSet", new ShownOnly(Boolean.class, "Whether a device password is stored"));
        shown.put("webdavReaderPasswordSet", new ShownOnly(Boolean.class, "Whether a reader password is stored"));
        shown.put("smtpPasswordSet", new ShownOnly(Boolean.class, "Whether an SMTP password is stored (the operator)"));
        shown.put("pbxNameMissing", new ShownOnly(Boolean.class, "Whether the PBX still has no name"));
        shown.put("cryptKeyId", new ShownOnly(String.class, "The crypt key new files are encrypted with; absent: none"));
        shown.put("cryptKeyOwn", new ShownOnly(Boolean.class, "Whether that key is the PBX's own (else the deployment's)"));
        return Collections.unmodifiableMap(shown);
    }

    /** Every field shown, by its API name. */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The value of a setting, or null when none is shown (a secret, or no value). */
    public <T> T get(SettingKey<T> key) {
        Object value = fields.get(key.field());
        if (value != null && !key.type().isInstance(value)) { // the trace levels: a family, shown as a map
            throw new IllegalArgumentException(key.field() + " is shown as " + value.getClass().getSimpleName() + "; read it by name");
        }
        return key.type().cast(value);
    }

    /** The value shown under that API name, or null. */
    public Object get(String field) {
        return fields.get(field);
    }

    /** The text shown under that API name, or null. */
    public String text(String field) {
        return (String) fields.get(field);
    }

    /** The number shown under that API name, or null (no licences enforced). */
    public Long number(String field) {
        return (Long) fields.get(field);
    }

    /** The log level of each trace category, by its name. */
    @SuppressWarnings("unchecked") // as view(pbx) puts it
    public Map<String, String> traceLevels() {
        return (Map<String, String>) fields.get(SettingKeys.TRACE_LEVELS.field());
    }

    public String pbx() {
        return (String) fields.get("pbx");
    }

    /** A shown-only flag ({@link #SHOWN_ONLY}). */
    public boolean is(String field) {
        return Boolean.TRUE.equals(fields.get(field));
    }
}
