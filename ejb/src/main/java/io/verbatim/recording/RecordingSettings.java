package io.verbatim.recording;

import io.verbatim.settings.SettingDeclarations;
import io.verbatim.settings.SettingKey;
import java.util.List;

/** What the recordings' visibility is set by. */
public final class RecordingSettings implements SettingDeclarations {

    public static final SettingKey<Boolean> ONLY_ME_ALLOWED = SettingKey.flag("recording.only-me-allowed", "onlyMeAllowed",
                    SettingKey.Scope.PBX, false)
            .described("Whether owners may hide their recordings from everyone but themselves and administrators (\"only me\")");

    @Override
    public List<SettingKey<?>> declared() {
        return List.of(ONLY_ME_ALLOWED);
    }
}
