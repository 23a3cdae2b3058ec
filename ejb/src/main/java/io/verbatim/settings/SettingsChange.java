package io.verbatim.settings;

/**
 * A change an administrator asks for; {@code null} fields stay as they are. An empty WebDAV user turns
 * upload authentication off. {@code outputFormat} applies to recordings converted from then on.
 */
public record SettingsChange(Long maxCaptureBytes, String webdavUser, String webdavPassword, String outputFormat) {
}
