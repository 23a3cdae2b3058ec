package io.verbatim.settings;

import java.util.List;

/**
 * The parts of the server whose logging an administrator can turn up or down at runtime (innovaphone's trace
 * flags), each named as the settings name it, and the logger names it covers.
 */
public enum TraceCategory {
    RECORDING("recording", "io.verbatim.recording", "io.verbatim.ingest", "io.verbatim.lifecycle", "io.verbatim.storage"),
    CALL_INFORMATION("callInformation", "io.verbatim.callinfo"),
    CONVERSION("conversion", "io.verbatim.conversion", "io.verbatim.media"),
    LICENCE("license", "io.verbatim.directory.Licences"), // "license": innovaphone's name for the trace flag
    GUI("gui", "io.verbatim.web.ui"),
    CONNECTIONS("connections", "io.verbatim.web.security", "io.verbatim.web.ingest", "io.verbatim.web.api");

    private final String key;
    private final List<String> loggers;

    TraceCategory(String key, String... loggers) {
        this.key = key;
        this.loggers = List.of(loggers);
    }

    public String key() { return key; }
    public List<String> loggers() { return loggers; }
}
