package io.verbatim.ingest;

import io.verbatim.settings.SettingDeclarations;
import io.verbatim.settings.SettingKey;
import java.util.List;

/** What taking uploads is set by. */
public final class IngestSettings implements SettingDeclarations {

    /** Far above any real call capture (an hour of G.711 is ~30 MB). */
    public static final SettingKey<Long> MAX_CAPTURE_BYTES = SettingKey.number("ingest.max-capture-bytes", "maxCaptureBytes",
                    SettingKey.Scope.DEPLOYMENT, 2L * 1024 * 1024 * 1024, 1024, Long.MAX_VALUE, "maxCaptureBytes must be at least 1024")
            .described("The largest capture an upload may carry, in bytes (larger: 413, kept in quarantine)");

    @Override
    public List<SettingKey<?>> declared() {
        return List.of(MAX_CAPTURE_BYTES);
    }
}
