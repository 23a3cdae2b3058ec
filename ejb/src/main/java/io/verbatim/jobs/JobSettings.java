package io.verbatim.jobs;

import io.verbatim.lifecycle.LifecycleSettings;
import io.verbatim.settings.SettingDeclarations;
import io.verbatim.settings.SettingKey;
import java.util.List;

/** What the nightly jobs keep besides recordings. */
public final class JobSettings implements SettingDeclarations {

    /** Long enough to download an export after a weekend; it holds a copy of the log, so not for ever. */
    public static final SettingKey<Long> EXPORT_KEEP_DAYS = SettingKey.number("audit.export-keep-days", "exportKeepDays",
                    SettingKey.Scope.PBX, 7, 0, LifecycleSettings.MAX_DAYS,
                    "exportKeepDays must be between 0 (deleted by the next run) and " + LifecycleSettings.MAX_DAYS)
            .described("How long a finished action-log export's file is kept, in days (0: deleted by the next run)");

    @Override
    public List<SettingKey<?>> declared() {
        return List.of(EXPORT_KEEP_DAYS);
    }
}
