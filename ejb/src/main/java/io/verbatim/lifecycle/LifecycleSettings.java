package io.verbatim.lifecycle;

import io.verbatim.settings.SettingDeclarations;
import io.verbatim.settings.SettingKey;
import java.util.List;

/** How long recordings are kept. */
public final class LifecycleSettings implements SettingDeclarations {

    /** The longest keeping time, in days (some thirty years). */
    public static final int MAX_DAYS = 11000;

    /** As innovaphone's recorder: 30 days unless changed; 0 keeps recordings until deleted. */
    public static final SettingKey<Long> RETENTION_DAYS = SettingKey.number("lifecycle.retention-days", "retentionDays",
                    SettingKey.Scope.PBX, 30, 0, MAX_DAYS, "retentionDays must be between 1 and " + MAX_DAYS + " (0: keep until deleted)")
            .described("How long unprotected recordings are kept, in days (1 to 11000; 0: until deleted)");
    public static final SettingKey<Long> RECYCLE_BIN_DAYS = SettingKey.number("lifecycle.recycle-bin-days", "recycleBinDays",
                    SettingKey.Scope.PBX, 30, 0, MAX_DAYS, "recycleBinDays must be between 0 (purged by the next run) and " + MAX_DAYS)
            .described("How long deleted recordings wait in the recycle bin before they are purged, in days (0: the next run)");

    @Override
    public List<SettingKey<?>> declared() {
        return List.of(RETENTION_DAYS, RECYCLE_BIN_DAYS);
    }
}
