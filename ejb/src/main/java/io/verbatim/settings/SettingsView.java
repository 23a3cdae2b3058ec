package io.verbatim.settings;

import java.util.Map;

/** Settings as they may be shown (no secrets). */
public record SettingsView(long maxCaptureBytes, String webdavUser, boolean webdavPasswordSet, String outputFormat,
                           int callInformationWaitMinutes, Integer licences,
                           boolean onlyMeAllowed, int retentionDays, int recycleBinDays, String pbxName,
                           boolean pbxNameMissing, Map<String, String> traceLevels, boolean sealEnabled) {
}
