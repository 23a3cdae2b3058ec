package io.verbatim.settings;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.crypto.KeyRing;
import io.verbatim.crypto.MasterKey;
import io.verbatim.directory.Directory;
import io.verbatim.directory.PasswordHash;
import io.verbatim.media.OutputFormat;
import io.verbatim.seal.SealingEnabled;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The administrator's settings, stored in the database so every node sees the same. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Settings {

    /** Default upload limit: far above any real call capture (an hour of G.711 is ~30 MB). */
    public static final long DEFAULT_MAX_CAPTURE_BYTES = 2L * 1024 * 1024 * 1024;
    static final String MAX_CAPTURE_BYTES = "ingest.max-capture-bytes";
    static final String WEBDAV_USER = "webdav.user";
    static final String WEBDAV_PASSWORD_HASH = "webdav.password-hash";
    static final String OUTPUT_FORMAT = "conversion.output-format";
    static final String CALL_INFORMATION_WAIT_MINUTES = "callinfo.wait-minutes";
    static final String LICENCES = "licence.installed";
    static final String ONLY_ME_ALLOWED = "recording.only-me-allowed";
    static final String RETENTION_DAYS = "lifecycle.retention-days";
    static final String RECYCLE_BIN_DAYS = "lifecycle.recycle-bin-days";
    static final String EXPORT_KEEP_DAYS = "audit.export-keep-days";
    static final String PBX_NAME = "pbx.name";
    static final String TRACE = "trace.";
    static final String SEAL_ENABLED = "seal.enabled";
    static final String SMTP_HOST = "mail.smtp-host";
    static final String SMTP_PORT = "mail.smtp-port";
    static final String SMTP_START_TLS = "mail.smtp-starttls";
    static final String SMTP_USER = "mail.smtp-user";
    static final String SMTP_PASSWORD = "mail.smtp-password-encrypted";
    static final String MAIL_FROM = "mail.from";
    static final String ALARM_RECIPIENTS = "mail.alarm-recipients";
    /** What the SMTP password's encryption is bound to: a value copied to another setting does not decrypt. */
    private static final String SMTP_PASSWORD_PURPOSE = "SMTP password";
    static final int DEFAULT_SMTP_PORT = 25;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\]");
    /** As innovaphone's recorder: 30 days unless changed; 0 keeps recordings until deleted. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    static final int MAX_RETENTION_DAYS = 11000;
    public static final int DEFAULT_RECYCLE_BIN_DAYS = 30;
    /** Long enough to download an export after a weekend; it holds a copy of the log, so not for ever. */
    public static final int DEFAULT_EXPORT_KEEP_DAYS = 7;
    /** As innovaphone's recorder: a call record may come up to two hours after the recording. */
    public static final int DEFAULT_CALL_INFORMATION_WAIT_MINUTES = 120;
    static final int MAX_CALL_INFORMATION_WAIT_MINUTES = 10 * 24 * 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    ActionLog actionLog;

    @Inject
    Event<SealingEnabled> sealingEnabled;

    @Inject
    KeyRing keyRing;

    @Inject
    MasterKey masterKey;

    @Inject
    Directory directory;

    @Resource
    SessionContext context;

    public long maxCaptureBytes() {
        return value(MAX_CAPTURE_BYTES).map(Long::parseLong).orElse(DEFAULT_MAX_CAPTURE_BYTES);
    }

    /** The format new recordings are converted to (stereo 16-bit WAV unless changed). */
    public OutputFormat outputFormat() {
        return value(OUTPUT_FORMAT).map(OutputFormat::parse).orElse(OutputFormat.STEREO_WAV);
    }

    /** How long a recording waits for its call record before it is flagged "no call information". */
    public Duration callInformationWait() {
        return Duration.ofMinutes(value(CALL_INFORMATION_WAIT_MINUTES).map(Integer::parseInt).orElse(DEFAULT_CALL_INFORMATION_WAIT_MINUTES));
    }

    /** Recorder licences installed; empty until an administrator sets a number (then they are enforced). */
    public OptionalInt licences() {
        return value(LICENCES).filter(v -> !v.isEmpty()).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    /** Whether owners may hide their recordings from everyone but themselves and administrators ("only me"). */
    public boolean onlyMeAllowed() {
        return value(ONLY_ME_ALLOWED).map(Boolean::parseBoolean).orElse(false);
    }

    /** How long unprotected recordings are kept, in days; 0: until deleted. */
    public int retentionDays() {
        return value(RETENTION_DAYS).map(Integer::parseInt).orElse(DEFAULT_RETENTION_DAYS);
    }

    /** How long deleted recordings wait in the recycle bin before they are purged, in days. */
    public int recycleBinDays() {
        return value(RECYCLE_BIN_DAYS).map(Integer::parseInt).orElse(DEFAULT_RECYCLE_BIN_DAYS);
    }

    /** How long a finished action-log export's file is kept, in days. */
    public int exportKeepDays() {
        return value(EXPORT_KEEP_DAYS).map(Integer::parseInt).orElse(DEFAULT_EXPORT_KEEP_DAYS);
    }

    /** Whether recordings are sealed when converted (switching it on seals the earlier ones too). */
    public boolean sealEnabled() {
        return value(SEAL_ENABLED).map(Boolean::parseBoolean).orElse(false);
    }

    /** The PBX's name, which administrators must set (a banner says so until they do). */
    public Optional<String> pbxName() {
        return value(PBX_NAME).filter(n -> !n.isBlank());
    }

    /** The log level of each trace category (info unless changed). */
    public EnumMap<TraceCategory, String> traceLevels() {
        EnumMap<TraceCategory, String> levels = new EnumMap<>(TraceCategory.class);
        for (TraceCategory c : TraceCategory.values()) {
            levels.put(c, value(TRACE + c.key()).orElse(TraceLevels.DEFAULT));
        }
        return levels;
    }

    /** Sets this node's log levels as stored (at start, after a change, and now and then for changes made on other nodes). */
    public void applyTraceLevels() {
        TraceLevels.apply(traceLevels());
    }

    /** The SMTP server, once an administrator named one (else no mail is sent). */
    public Optional<MailServer> mailServer() {
        return value(SMTP_HOST).filter(h -> !h.isBlank()).map(host -> new MailServer(host,
                value(SMTP_PORT).map(Integer::parseInt).orElse(DEFAULT_SMTP_PORT),
                value(SMTP_START_TLS).map(Boolean::parseBoolean).orElse(false), value(SMTP_USER).orElse(""),
                value(SMTP_PASSWORD).map(p -> masterKey.decryptSecret(p, SMTP_PASSWORD_PURPOSE)).orElse(""),
                value(MAIL_FROM).orElse(""), alarmRecipients()));
    }

    private List<String> alarmRecipients() {
        return value(ALARM_RECIPIENTS).filter(r -> !r.isBlank())
                .map(r -> Arrays.stream(r.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList()).orElse(List.of());
    }

    /** Whether uploads must carry HTTP Basic credentials (a WebDAV user is configured). */
    public boolean uploadsNeedCredentials() {
        return value(WEBDAV_USER).filter(u -> !u.isEmpty()).isPresent();
    }

    /** Stores a number of days from 0 to {@link #MAX_RETENTION_DAYS} when given; refuses others with {@code refusal}. */
    private void putDays(String key, Integer days, String refusal) {
        if (days == null) {
            return;
        }
        if (days < 0 || days > MAX_RETENTION_DAYS) {
            throw new InvalidSettingException(refusal);
        }
        put(key, Integer.toString(days));
    }

    public boolean acceptsUploadCredentials(String user, char[] password) {
        Optional<String> expected = value(WEBDAV_USER).filter(u -> !u.isEmpty());
        return expected.isPresent() && expected.get().equals(user)
                && PasswordHash.matches(password, value(WEBDAV_PASSWORD_HASH).orElse(null));
    }

    /** The settings; the mail settings (where alarms go, the SMTP account) are shown to the operator only. */
    @RolesAllowed("ADMIN")
    public SettingsView view() {
        boolean mail = directory.callerIsOperator();
        OptionalInt licences = licences();
        Map<String, String> trace = new LinkedHashMap<>();
        traceLevels().forEach((category, level) -> trace.put(category.key(), level));
        return new SettingsView(maxCaptureBytes(), value(WEBDAV_USER).orElse(""), value(WEBDAV_PASSWORD_HASH).isPresent(),
                outputFormat().toString(), (int) callInformationWait().toMinutes(),
                licences.isPresent() ? licences.getAsInt() : null, onlyMeAllowed(), retentionDays(), recycleBinDays(),
                exportKeepDays(), pbxName().orElse(""), pbxName().isEmpty(), trace, sealEnabled(), keyRing.activeId().orElse(null),
                mail ? value(SMTP_HOST).orElse("") : "", mail ? value(SMTP_PORT).map(Integer::parseInt).orElse(DEFAULT_SMTP_PORT) : DEFAULT_SMTP_PORT,
                mail && value(SMTP_START_TLS).map(Boolean::parseBoolean).orElse(false), mail ? value(SMTP_USER).orElse("") : "",
                mail && value(SMTP_PASSWORD).isPresent(), mail ? value(MAIL_FROM).orElse("") : "",
                mail ? String.join(", ", alarmRecipients()) : "");
    }

    @RolesAllowed("ADMIN")
    public SettingsView change(SettingsChange change) {
        SettingsView before = view();
        if (change.maxCaptureBytes() != null) {
            if (change.maxCaptureBytes() < 1024) {
                throw new InvalidSettingException("maxCaptureBytes must be at least 1024");
            }
            put(MAX_CAPTURE_BYTES, Long.toString(change.maxCaptureBytes()));
        }
        if (change.webdavUser() != null) {
            String user = change.webdavUser().trim();
            if (!user.isEmpty() && change.webdavPassword() == null && value(WEBDAV_PASSWORD_HASH).isEmpty()) {
                throw new InvalidSettingException("webdavPassword is required when setting webdavUser");
            }
            put(WEBDAV_USER, user);
        }
        if (change.outputFormat() != null) {
            try {
                put(OUTPUT_FORMAT, OutputFormat.parse(change.outputFormat()).toString());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("outputFormat: " + e.getMessage()
                        + " (wav, wav-alaw or mp3-<kbps>, then optionally -mono, -remote or -local)");
            }
        }
        if (change.callInformationWaitMinutes() != null) {
            int minutes = change.callInformationWaitMinutes();
            if (minutes < 1 || minutes > MAX_CALL_INFORMATION_WAIT_MINUTES) {
                throw new InvalidSettingException("callInformationWaitMinutes must be between 1 and " + MAX_CALL_INFORMATION_WAIT_MINUTES);
            }
            put(CALL_INFORMATION_WAIT_MINUTES, Integer.toString(minutes));
        }
        if (change.onlyMeAllowed() != null) {
            put(ONLY_ME_ALLOWED, change.onlyMeAllowed().toString());
        }
        if (change.licences() != null) {
            if (change.licences() < -1 || change.licences() > 1_000_000) {
                throw new InvalidSettingException("licences must be between 0 and 1000000 (-1: not enforced)");
            }
            put(LICENCES, change.licences() < 0 ? "" : Integer.toString(change.licences()));
        }
        putDays(RETENTION_DAYS, change.retentionDays(),
                "retentionDays must be between 1 and " + MAX_RETENTION_DAYS + " (0: keep until deleted)");
        putDays(RECYCLE_BIN_DAYS, change.recycleBinDays(),
                "recycleBinDays must be between 0 (purged by the next run) and " + MAX_RETENTION_DAYS);
        putDays(EXPORT_KEEP_DAYS, change.exportKeepDays(),
                "exportKeepDays must be between 0 (deleted by the next run) and " + MAX_RETENTION_DAYS);
        if (change.pbxName() != null) {
            String name = change.pbxName().strip();
            if (name.isEmpty() || name.length() > 100) {
                throw new InvalidSettingException("pbxName must have 1 to 100 characters");
            }
            put(PBX_NAME, name);
        }
        if (change.sealEnabled() != null) {
            boolean enabling = change.sealEnabled() && !sealEnabled();
            put(SEAL_ENABLED, change.sealEnabled().toString());
            if (enabling) {
                sealingEnabled.fire(new SealingEnabled());
            }
        }
        if (change.traceLevels() != null) {
            for (Map.Entry<String, String> e : change.traceLevels().entrySet()) {
                TraceCategory category = TraceLevels.category(e.getKey());
                put(TRACE + category.key(), TraceLevels.checked(category.key(), e.getValue()));
            }
            applyTraceLevels();
        }
        if (change.cryptKey() != null) { // logged as the change of cryptKeyId (the key ring's entry), never the key
            if (change.cryptKey().isEmpty()) {
                keyRing.clear();
            } else if (change.cryptKey().length() < 12) {
                throw new InvalidSettingException("cryptKey must have at least 12 characters (empty: store new files unencrypted)");
            } else {
                keyRing.activate(change.cryptKey().toCharArray(), context.getCallerPrincipal().getName());
            }
        }
        if (change.webdavPassword() != null) {
            if (change.webdavPassword().length() < 8) {
                throw new InvalidSettingException("webdavPassword must have at least 8 characters");
            }
            put(WEBDAV_PASSWORD_HASH, PasswordHash.of(change.webdavPassword().toCharArray()));
        }
        changeMail(change);
        SettingsView after = view();
        List<String> changed = differences(before, after);
        if (change.webdavPassword() != null) {
            changed.add("webdavPassword (a new secret)");
        }
        if (change.smtpPassword() != null) {
            changed.add(change.smtpPassword().isEmpty() ? "smtpPassword=(none)" : "smtpPassword (a new secret)");
        }
        if (!changed.isEmpty()) {
            actionLog.record(Action.SETTING_CHANGE, String.join(", ", changed));
        }
        return after;
    }

    private void changeMail(SettingsChange change) {
        boolean touched = Stream.of(change.smtpHost(), change.smtpPort(), change.smtpStartTls(), change.smtpUser(),
                change.smtpPassword(), change.mailFrom(), change.alarmRecipients()).anyMatch(Objects::nonNull);
        if (!touched) {
            return;
        }
        if (!directory.callerIsOperator()) { // a PBX's administrator could otherwise send the SMTP account to a server of theirs
            throw new EJBAccessException("the mail settings are the operator's: an administrator in no PBX");
        }
        if (change.smtpHost() != null) {
            String host = change.smtpHost().strip();
            if (!host.isEmpty() && !HOST.matcher(host).matches()) {
                throw new InvalidSettingException("smtpHost must be a host name or an address, such as mail.example.com (empty: no mail)");
            }
            put(SMTP_HOST, host);
        }
        if (change.smtpPort() != null) {
            if (change.smtpPort() < 1 || change.smtpPort() > 65535) {
                throw new InvalidSettingException("smtpPort must be between 1 and 65535 (25, 587 with STARTTLS)");
            }
            put(SMTP_PORT, change.smtpPort().toString());
        }
        if (change.smtpStartTls() != null) {
            put(SMTP_START_TLS, change.smtpStartTls().toString());
        }
        if (change.smtpUser() != null) {
            put(SMTP_USER, change.smtpUser().strip());
        }
        if (change.smtpPassword() != null) {
            if (change.smtpPassword().isEmpty()) {
                remove(SMTP_PASSWORD);
            } else {
                put(SMTP_PASSWORD, masterKey.encryptSecret(change.smtpPassword(), SMTP_PASSWORD_PURPOSE));
            }
        }
        if (change.mailFrom() != null) {
            String from = change.mailFrom().strip();
            if (!from.isEmpty()) {
                address("mailFrom", from);
            }
            put(MAIL_FROM, from);
        }
        if (change.alarmRecipients() != null) {
            List<String> recipients = Arrays.stream(change.alarmRecipients().split("[,;]")).map(String::strip)
                    .filter(a -> !a.isEmpty()).toList();
            for (String recipient : recipients) {
                address("alarmRecipients", recipient);
            }
            put(ALARM_RECIPIENTS, String.join(",", recipients));
        }
        if (value(SMTP_HOST).filter(h -> !h.isBlank()).isPresent() && value(MAIL_FROM).filter(f -> !f.isBlank()).isEmpty()) {
            throw new InvalidSettingException("mailFrom is required once smtpHost is set: the address alarm mail comes from");
        }
        if (value(SMTP_USER).filter(u -> !u.isEmpty()).isPresent() && !value(SMTP_START_TLS).map(Boolean::parseBoolean).orElse(false)) {
            throw new InvalidSettingException("smtpUser needs smtpStartTls: without it the SMTP password would cross the network in clear");
        }
    }

    /** @throws InvalidSettingException naming the setting when {@code text} is not one mail address */
    private static void address(String setting, String text) {
        try {
            new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new InvalidSettingException(setting + " must be mail addresses such as alarms@example.com: '" + text
                    + "' is not (" + e.getMessage() + ")");
        }
        if (!text.contains("@")) {
            throw new InvalidSettingException(setting + " must be mail addresses such as alarms@example.com: '" + text + "' has no domain");
        }
    }

    private void remove(String name) {
        Setting s = em.find(Setting.class, name);
        if (s != null) {
            em.remove(s);
        }
    }

    private Optional<String> value(String name) {
        Setting s = em.find(Setting.class, name);
        return s == null ? Optional.empty() : Optional.ofNullable(s.getValue());
    }

    /** What a change changed, as {@code field=value} in the API's names (secrets only named). */
    private static List<String> differences(SettingsView before, SettingsView after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent field : SettingsView.class.getRecordComponents()) {
            try {
                Object was = field.getAccessor().invoke(before);
                Object now = field.getAccessor().invoke(after);
                if (!Objects.equals(was, now) && !List.of("webdavPasswordSet", "pbxNameMissing", "smtpPasswordSet").contains(field.getName())) {
                    changed.add(field.getName() + "=" + (now == null || "".equals(now) ? "(none)" : now));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's accessor", e);
            }
        }
        return changed;
    }

    private void put(String name, String value) {
        Setting s = em.find(Setting.class, name);
        if (s == null) {
            em.persist(new Setting(name, value));
        } else {
            s.setValue(value);
        }
    }
}
