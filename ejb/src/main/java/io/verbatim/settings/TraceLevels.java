package io.verbatim.settings;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Switches the log level of each {@link TraceCategory} at runtime, in words an administrator knows: off, error,
 * warning, info (the default), debug, trace. Loggers are held here: a level set on a logger nobody references
 * would be lost when it is collected.
 */
public final class TraceLevels {

    public static final String DEFAULT = "info";
    private static final Map<String, Level> LEVELS = new LinkedHashMap<>();
    private static final Map<String, Logger> HELD = new ConcurrentHashMap<>();
    private static final Logger CHANGES = Logger.getLogger(TraceLevels.class.getName());

    static {
        LEVELS.put("off", Level.OFF);
        LEVELS.put("error", Level.SEVERE);
        LEVELS.put("warning", Level.WARNING);
        LEVELS.put("info", Level.INFO);
        LEVELS.put("debug", Level.FINE);
        LEVELS.put("trace", Level.FINEST);
    }

    private TraceLevels() {
    }

    /** @throws InvalidSettingException naming the accepted words */
    static String checked(String category, String level) {
        String word = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
        if (!LEVELS.containsKey(word)) {
            throw new InvalidSettingException("traceLevels." + category + " must be one of " + String.join(", ", LEVELS.keySet()));
        }
        return word;
    }

    static TraceCategory category(String key) {
        for (TraceCategory c : TraceCategory.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new InvalidSettingException("traceLevels has no category '" + key + "'; known: "
                + String.join(", ", List.of(TraceCategory.values()).stream().map(TraceCategory::key).toList()));
    }

    static void apply(EnumMap<TraceCategory, String> levels) {
        levels.forEach((category, word) -> {
            boolean changed = false;
            for (String name : category.loggers()) {
                Logger logger = HELD.computeIfAbsent(name, Logger::getLogger);
                changed |= (logger.getLevel() == null ? Level.INFO : logger.getLevel()) != LEVELS.get(word); // unset: the root's info
                logger.setLevel(LEVELS.get(word));
            }
            if (changed) { // each node says when a change reaches it (one made on another node, within its minute)
                CHANGES.info("Trace level of " + category.key() + " on this node: " + word);
            }
        });
    }
}
