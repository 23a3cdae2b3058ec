package io.verbatim.settings;

/** Settings as they may be shown (no secrets). */
public record SettingsView(long maxCaptureBytes, String webdavUser, boolean webdavPasswordSet, String outputFormat,
                           int callInformationWaitMinutes, Integer licences,
                           boolean onlyMeAllowed) {
}
