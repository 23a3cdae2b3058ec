package io.verbatim.settings;

import java.util.Map;

/**
 * A change an administrator asks for; {@code null} fields stay as they are. Numbers are read as {@code Long} and
 * checked against each setting's range here, so a value past an int's (which would wrap) is refused by name. An empty WebDAV user turns
 * upload authentication off. {@code outputFormat} applies to recordings converted from then on;
 * {@code callInformationWaitMinutes} is how long a recording waits for its call record (1 minute to 10 days);
 * {@code licences} is the number of recorder licences installed (-1: not enforced);
 * {@code onlyMeAllowed} lets owners hide recordings from everyone but themselves and administrators;
 * {@code retentionDays} (0: off, else 1 to 11000) is how long unprotected recordings are kept;
 * {@code recycleBinDays} how long deleted recordings wait in the recycle bin; {@code exportKeepDays} (0 to 11000)
 * how long a finished action-log export's file is kept; {@code pbxName} names the PBX;
 * {@code cryptKey} (write-only, at least 12 characters; empty: none) encrypts files stored from then on;
 * {@code sealEnabled} seals recordings as they are converted (and, once, the earlier ones);
 * {@code traceLevels} maps categories ({@link TraceCategory}) to off, error, warning, info, debug or trace;
 * the SMTP server alarms are mailed through: {@code smtpHost} (empty: no mail), {@code smtpPort} (default 25),
 * {@code smtpStartTls}, {@code smtpUser} and {@code smtpPassword} (write-only; empty user: no sign-in),
 * {@code mailFrom} (the sender's address) and {@code alarmRecipients} (addresses separated by commas);
 * {@code registerPbxOnUpload}: an upload for a PBX nobody registered registers it (else 404; unset: on while no PBX is);
 * {@code deviceNetworks}: CIDR blocks separated by commas a PBX's devices upload and read from (empty: anywhere);
 * {@code webdavReaderUser} and {@code webdavReaderPassword} (write-only): a PBX's own pair for reading its originals
 * over WebDAV, apart from the phones' (while none is set, the PBX's own device pair reads; empty user: none).
 */
public record SettingsChange(Long maxCaptureBytes, String webdavUser, String webdavPassword, String outputFormat,
                             Long callInformationWaitMinutes, Long licences,
                             Boolean onlyMeAllowed, Long retentionDays, Long recycleBinDays, Long exportKeepDays,
                             String pbxName,
                             Map<String, String> traceLevels, Boolean sealEnabled, String cryptKey,
                             String smtpHost, Long smtpPort, Boolean smtpStartTls, String smtpUser, String smtpPassword,
                             String mailFrom, String alarmRecipients, Boolean registerPbxOnUpload, String deviceNetworks,
                             String webdavReaderUser, String webdavReaderPassword) {
}
