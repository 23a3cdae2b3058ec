package io.verbatim.callinfo;

import io.verbatim.settings.SettingDeclarations;
import io.verbatim.settings.SettingKey;
import java.util.List;

/** What call information is set by. */
public final class CallInformationSettings implements SettingDeclarations {

    /** As innovaphone's recorder: a call record may come up to two hours after the recording. */
    public static final SettingKey<Long> WAIT_MINUTES = SettingKey.number("callinfo.wait-minutes", "callInformationWaitMinutes",
                    SettingKey.Scope.PBX, 120, 1, 10 * 24 * 60, "callInformationWaitMinutes must be between 1 and " + 10 * 24 * 60)
            .described("How long a recording waits for its call record before it is flagged \"no call information\", in minutes"
                    + " (1 to 14400)");

    @Override
    public List<SettingKey<?>> declared() {
        return List.of(WAIT_MINUTES);
    }
}
