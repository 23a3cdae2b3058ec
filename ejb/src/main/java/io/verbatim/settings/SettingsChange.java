package io.verbatim.settings;

/**
 * A change an administrator asks for; {@code null} fields stay as they are. An empty WebDAV user turns
 * upload authentication off.
 */
public record SettingsChange(Long maxCaptureBytes, String webdavUser, String webdavPassword) {
}
