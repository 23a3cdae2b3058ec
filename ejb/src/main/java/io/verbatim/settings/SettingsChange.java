package io.verbatim.settings;

/**
 * A change an administrator asks for; {@code null} fields stay as they are. An empty WebDAV user turns
 * upload authentication off. {@code outputFormat} applies to recordings converted from then on;
 * {@code callInformationWaitMinutes} is how long a recording waits for its call record (1 minute to 10 days);
 * {@code licences} is the number of recorder licences installed (-1: not enforced);
 * {@code onlyMeAllowed} lets owners hide recordings from everyone but themselves and administrators.
 */
public record SettingsChange(Long maxCaptureBytes, String webdavUser, String webdavPassword, String outputFormat,
                             Integer callInformationWaitMinutes, Integer licences,
                             Boolean onlyMeAllowed) {
}
