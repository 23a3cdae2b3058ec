package io.verbatim.settings;

import static io.verbatim.settings.SettingKey.Scope.DEPLOYMENT;
import static io.verbatim.settings.SettingKey.Scope.PBX;

import io.verbatim.media.OutputFormat;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every setting, declared once: where it is stored, its name in the API and on the page, whose it is, its default and
 * its check. A new setting is a declaration here, its field in {@link SettingsChange} and {@link SettingsView}, and its
 * field on the Settings page; {@code SettingKeysTest} holds that every field of a change is declared. The deployment's
 * settings are listed in the order a PBX's administrator is told about the first they named.
 */
final class SettingKeys {

    /** The longest keeping time, in days (some thirty years). */
    static final int MAX_DAYS = 11000;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\]");

    // the deployment's, the operator's alone
    /** Far above any real call capture (an hour of G.711 is ~30 MB). */
    static final SettingKey<Long> MAX_CAPTURE_BYTES = SettingKey.number("ingest.max-capture-bytes", "maxCaptureBytes", DEPLOYMENT,
            2L * 1024 * 1024 * 1024, 1024, Long.MAX_VALUE, "maxCaptureBytes must be at least 1024");
    /** The family of trace levels, one per {@link TraceCategory} ({@link #trace}). */
    static final SettingKey<String> TRACE_LEVELS = SettingKey.text("trace.", "traceLevels", DEPLOYMENT, TraceLevels.DEFAULT, v -> null);
    static final SettingKey<String> SMTP_HOST = SettingKey.text("mail.smtp-host", "smtpHost", DEPLOYMENT, "",
            host -> host.isEmpty() || HOST.matcher(host).matches() ? null
                    : "smtpHost must be a host name or an address, such as mail.example.com (empty: no mail)");
    static final SettingKey<Long> SMTP_PORT = SettingKey.number("mail.smtp-port", "smtpPort", DEPLOYMENT, 25, 1, 65535,
            "smtpPort must be between 1 and 65535 (25, 587 with STARTTLS)");
    static final SettingKey<Boolean> SMTP_START_TLS = SettingKey.flag("mail.smtp-starttls", "smtpStartTls", DEPLOYMENT, false);
    static final SettingKey<String> SMTP_USER = SettingKey.text("mail.smtp-user", "smtpUser", DEPLOYMENT, "", v -> null);
    /** Encrypted with the master key, bound to {@link #SMTP_PASSWORD_PURPOSE}. */
    static final SettingKey<String> SMTP_PASSWORD = SettingKey.secret("mail.smtp-password-encrypted", "smtpPassword", DEPLOYMENT);
    static final SettingKey<String> MAIL_FROM = SettingKey.text("mail.from", "mailFrom", DEPLOYMENT, "",
            from -> from.isEmpty() ? null : addressProblem("mailFrom", from));
    /** Stored joined by commas, each checked. */
    static final SettingKey<String> ALARM_RECIPIENTS = SettingKey.canonical("mail.alarm-recipients", "alarmRecipients", DEPLOYMENT, "",
            SettingKeys::recipients, "mail addresses separated by commas");
    /** Unless the operator chose: on while no PBX is registered ({@link Settings#registersPbxOnUpload}). */
    static final SettingKey<Boolean> REGISTER_PBX_ON_UPLOAD = SettingKey.flag("ingest.register-pbx-on-upload", "registerPbxOnUpload",
            DEPLOYMENT, false);

    // a PBX's own, over the operator's default
    static final SettingKey<String> WEBDAV_USER = SettingKey.text("webdav.user", "webdavUser", PBX, "", v -> null);
    static final SettingKey<String> WEBDAV_PASSWORD_HASH = SettingKey.secret("webdav.password-hash", "webdavPassword", PBX);
    static final SettingKey<String> OUTPUT_FORMAT = SettingKey.canonical("conversion.output-format", "outputFormat", PBX,
            OutputFormat.STEREO_WAV.toString(), text -> OutputFormat.parse(text).toString(),
            "wav, wav-alaw or mp3-<kbps>, then optionally -mono, -remote or -local");
    /** As innovaphone's recorder: a call record may come up to two hours after the recording. */
    static final SettingKey<Long> CALL_INFORMATION_WAIT_MINUTES = SettingKey.number("callinfo.wait-minutes", "callInformationWaitMinutes",
            PBX, 120, 1, 10 * 24 * 60, "callInformationWaitMinutes must be between 1 and " + 10 * 24 * 60);
    /** Stored empty while not enforced (-1 in the API). */
    static final SettingKey<Long> LICENCES = SettingKey.number("licence.installed", "licences", PBX, -1, -1, 1_000_000,
            "licences must be between 0 and 1000000 (-1: not enforced)");
    static final SettingKey<Boolean> ONLY_ME_ALLOWED = SettingKey.flag("recording.only-me-allowed", "onlyMeAllowed", PBX, false);
    /** As innovaphone's recorder: 30 days unless changed; 0 keeps recordings until deleted. */
    static final SettingKey<Long> RETENTION_DAYS = SettingKey.number("lifecycle.retention-days", "retentionDays", PBX, 30, 0, MAX_DAYS,
            "retentionDays must be between 1 and " + MAX_DAYS + " (0: keep until deleted)");
    static final SettingKey<Long> RECYCLE_BIN_DAYS = SettingKey.number("lifecycle.recycle-bin-days", "recycleBinDays", PBX, 30, 0, MAX_DAYS,
            "recycleBinDays must be between 0 (purged by the next run) and " + MAX_DAYS);
    /** Long enough to download an export after a weekend; it holds a copy of the log, so not for ever. */
    static final SettingKey<Long> EXPORT_KEEP_DAYS = SettingKey.number("audit.export-keep-days", "exportKeepDays", PBX, 7, 0, MAX_DAYS,
            "exportKeepDays must be between 0 (deleted by the next run) and " + MAX_DAYS);
    /** Never the operator's for a PBX: a PBX shown under another's name would be worse than "PBX name missing". */
    static final SettingKey<String> PBX_NAME = SettingKey.text("pbx.name", "pbxName", PBX, null,
            name -> name.isEmpty() || name.length() > 100 ? "pbxName must have 1 to 100 characters" : null);
    static final SettingKey<Boolean> SEAL_ENABLED = SettingKey.flag("seal.enabled", "sealEnabled", PBX, false);
    static final SettingKey<String> DEVICE_NETWORKS = SettingKey.canonical("ingest.device-networks", "deviceNetworks", PBX, "",
            text -> {
                DeviceNetworks.parse(text);
                return text;
            }, "separated by commas; empty: anywhere");
    /** A PBX's own only, never a default: the phones of many PBXs may carry the default pair. */
    static final SettingKey<String> READER_USER = SettingKey.text("webdav.reader-user", "webdavReaderUser", PBX, "", v -> null);
    static final SettingKey<String> READER_PASSWORD_HASH = SettingKey.secret("webdav.reader-password-hash", "webdavReaderPassword", PBX);

    static final List<SettingKey<?>> ALL = List.of(MAX_CAPTURE_BYTES, TRACE_LEVELS, SMTP_HOST, SMTP_PORT, SMTP_START_TLS, SMTP_USER,
            SMTP_PASSWORD, MAIL_FROM, ALARM_RECIPIENTS, REGISTER_PBX_ON_UPLOAD, WEBDAV_USER, WEBDAV_PASSWORD_HASH, OUTPUT_FORMAT,
            CALL_INFORMATION_WAIT_MINUTES, LICENCES, ONLY_ME_ALLOWED, RETENTION_DAYS, RECYCLE_BIN_DAYS, EXPORT_KEEP_DAYS, PBX_NAME,
            SEAL_ENABLED, DEVICE_NETWORKS, READER_USER, READER_PASSWORD_HASH);

    /** What the SMTP password's encryption is bound to: a value copied to another setting does not decrypt. */
    static final String SMTP_PASSWORD_PURPOSE = "SMTP password";

    private SettingKeys() {
    }

    /** The trace level of one category, stored under the family's prefix. */
    static SettingKey<String> trace(TraceCategory category) {
        return SettingKey.text(TRACE_LEVELS.stored() + category.key(), TRACE_LEVELS.field(), DEPLOYMENT, TraceLevels.DEFAULT, v -> null);
    }

    /** Whether a stored name is a PBX's setting (else the deployment's). */
    static boolean isPbxs(String stored) {
        return ALL.stream().anyMatch(key -> key.isPbxs() && key.stored().equals(stored));
    }

    /** Addresses separated by commas or semicolons, each checked, joined by commas. */
    static String recipients(String text) {
        List<String> recipients = Arrays.stream(text.split("[,;]")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        for (String recipient : recipients) {
            String problem = addressProblem("alarmRecipients", recipient);
            if (problem != null) {
                throw new InvalidSettingException(problem);
            }
        }
        return String.join(",", recipients);
    }

    /** Why {@code text} is not one mail address, naming the setting; null when it is one. */
    static String addressProblem(String setting, String text) {
        try {
            new InternetAddress(text, true);
        } catch (AddressException e) {
            return setting + " must be mail addresses such as alarms@example.com: '" + text + "' is not (" + e.getMessage() + ")";
        }
        return text.contains("@") ? null : setting + " must be mail addresses such as alarms@example.com: '" + text + "' has no domain";
    }
}
