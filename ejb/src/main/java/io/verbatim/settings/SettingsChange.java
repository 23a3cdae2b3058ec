package io.verbatim.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A change an administrator asks for, by the settings' API names ({@link SettingKey#field}); a setting not named (or
 * named with null) stays as it is. Besides the declared settings it may carry {@code cryptKey} (write-only, at least 12
 * characters; empty: none), which the key ring keeps; what only a view shows ({@link SettingsView#SHOWN_ONLY}) is
 * ignored, so a client may send it back with a change. Names are checked as a change is made of a request; each value
 * against its setting's kind and range as the change is applied, so a number past an int's (which would wrap) is
 * refused by name.
 */
public final class SettingsChange {

    /** Not a stored setting: the key ring keeps crypt keys. */
    public static final String CRYPT_KEY = "cryptKey";

    private final Map<String, Object> values;

    private SettingsChange(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * The change a request's fields ask for.
     *
     * @throws InvalidSettingException naming a field that is no setting
     */
    public static SettingsChange of(Map<String, ?> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String name = field.getKey();
            if (SettingsView.SHOWN_ONLY.containsKey(name) || field.getValue() == null) {
                continue;
            }
            if (!name.equals(CRYPT_KEY) && SettingKeys.all().stream().noneMatch(key -> key.field().equals(name))) {
                throw new InvalidSettingException(name + " is no setting (GET /api/v1/settings shows them)");
            }
            values.put(name, field.getValue());
        }
        return new SettingsChange(values);
    }

    /** A change of nothing yet, to add values to ({@link #with}). */
    public static SettingsChange none() {
        return new SettingsChange(new LinkedHashMap<>());
    }

    /** This change and {@code key} set to {@code value} (null: left as it is). */
    public <T> SettingsChange with(SettingKey<T> key, T value) {
        return with(key.field(), value);
    }

    /** This change and the setting of that API name set to {@code value} (null: left as it is). */
    public SettingsChange with(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        if (value != null) {
            more.put(field, value);
        }
        return of(more);
    }

    /** Whether it gives the setting of that API name a value. */
    public boolean gives(String field) {
        return values.containsKey(field);
    }

    /** The value given for {@code key}, of its kind, or null. */
    <T> T get(SettingKey<T> key) {
        Object value = values.get(key.field());
        return value == null ? null : key.given(value);
    }

    /** The text given for a field that is no stored setting ({@code cryptKey}), or null. */
    String text(String field) {
        Object value = values.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidSettingException(field + " must be text, not " + value);
    }

    /** The trace levels given, by category name, or null. */
    Map<String, String> traceLevels() {
        Object value = values.get(SettingKeys.TRACE_LEVELS.field());
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> levels)) {
            throw new InvalidSettingException("traceLevels must map categories to levels, such as {\"recording\": \"debug\"}");
        }
        Map<String, String> checked = new TreeMap<>();
        levels.forEach((category, level) -> {
            if (!(level instanceof String)) {
                throw new InvalidSettingException("traceLevels: the level of " + category + " must be text such as \"debug\"");
            }
            checked.put(String.valueOf(category), (String) level);
        });
        return Collections.unmodifiableMap(checked);
    }
}
