package io.verbatim.settings;

import java.io.Serializable;
import java.util.Map;

/**
 * Settings as they may be shown (no secrets): {@code pbx} is the PBX they are of ({@code null}: the deployment's, and
 * the defaults of every PBX that has not set its own); {@code cryptKeyId} names the crypt key new files are encrypted
 * with, null when none is set, and {@code cryptKeyOwn} whether it is the PBX's own (else the deployment's);
 * {@code smtpPasswordSet} tells whether an SMTP password is stored.
 */
public record SettingsView(String pbx, long maxCaptureBytes, String webdavUser, boolean webdavPasswordSet, String outputFormat,
                           int callInformationWaitMinutes, Integer licences,
                           boolean onlyMeAllowed, int retentionDays, int recycleBinDays, int exportKeepDays, String pbxName,
                           boolean pbxNameMissing, Map<String, String> traceLevels, boolean sealEnabled,
                           String cryptKeyId, String smtpHost, int smtpPort, boolean smtpStartTls, String smtpUser,
                           boolean smtpPasswordSet, String mailFrom, String alarmRecipients,
                           boolean registerPbxOnUpload, String deviceNetworks, String webdavReaderUser,
                           boolean webdavReaderPasswordSet, boolean cryptKeyOwn) implements Serializable {
}
