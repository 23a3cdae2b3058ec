package io.verbatim.settings;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import io.verbatim.crypto.KeyRing;
import io.verbatim.crypto.MasterKey;
import io.verbatim.crypto.PasswordHash;
import io.verbatim.media.OutputFormat;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The administrators' settings, stored in the database so every node sees the same. Two kinds (docs/tenancy.md):
 * a PBX's own ({@link #PBX_SETTINGS}: its policy, its devices' credentials, its name; its crypt key, in the key
 * ring), which its administrators set for it alone, and the deployment's (upload limit, trace levels, mail server),
 * which only the operator sets. What the operator sets for the PBX settings (and the crypt key) is the default of
 * every PBX that has not set its own.
 */
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
    static final String REGISTER_PBX_ON_UPLOAD = "ingest.register-pbx-on-upload";
    static final String DEVICE_NETWORKS = "ingest.device-networks";
    static final String READER_USER = "webdav.reader-user";
    static final String READER_PASSWORD_HASH = "webdav.reader-password-hash";
    /** The settings that belong to a PBX; all others are the deployment's. */
    static final Set<String> PBX_SETTINGS = Set.of(WEBDAV_USER, WEBDAV_PASSWORD_HASH, OUTPUT_FORMAT,
            CALL_INFORMATION_WAIT_MINUTES, LICENCES, ONLY_ME_ALLOWED, RETENTION_DAYS, RECYCLE_BIN_DAYS, EXPORT_KEEP_DAYS,
            PBX_NAME, SEAL_ENABLED, DEVICE_NETWORKS, READER_USER, READER_PASSWORD_HASH);
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
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    Event<SealingEnabled> sealingEnabled;

    @Inject
    KeyRing keyRing;

    @Inject
    MasterKey masterKey;

    public long maxCaptureBytes() {
        return value(MAX_CAPTURE_BYTES).map(Long::parseLong).orElse(DEFAULT_MAX_CAPTURE_BYTES);
    }

    /** The format a PBX's new recordings are converted to (stereo 16-bit WAV unless changed). */
    public OutputFormat outputFormat(String pbx) {
        return value(pbx, OUTPUT_FORMAT).map(OutputFormat::parse).orElse(OutputFormat.STEREO_WAV);
    }

    /** How long a PBX's recording waits for its call record before it is flagged "no call information". */
    public Duration callInformationWait(String pbx) {
        return Duration.ofMinutes(value(pbx, CALL_INFORMATION_WAIT_MINUTES).map(Integer::parseInt).orElse(DEFAULT_CALL_INFORMATION_WAIT_MINUTES));
    }

    /** Recorder licences installed; empty until an administrator sets a number (then they are enforced). */
    public OptionalInt licences(String pbx) {
        return value(pbx, LICENCES).filter(v -> !v.isEmpty()).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    /** Whether owners may hide their recordings from everyone but themselves and administrators ("only me"). */
    public boolean onlyMeAllowed(String pbx) {
        return value(pbx, ONLY_ME_ALLOWED).map(Boolean::parseBoolean).orElse(false);
    }

    /** How long unprotected recordings are kept, in days; 0: until deleted. */
    public int retentionDays(String pbx) {
        return value(pbx, RETENTION_DAYS).map(Integer::parseInt).orElse(DEFAULT_RETENTION_DAYS);
    }

    /** How long deleted recordings wait in the recycle bin before they are purged, in days. */
    public int recycleBinDays(String pbx) {
        return value(pbx, RECYCLE_BIN_DAYS).map(Integer::parseInt).orElse(DEFAULT_RECYCLE_BIN_DAYS);
    }

    /** How long a finished action-log export's file is kept, in days. */
    public int exportKeepDays(String pbx) {
        return value(pbx, EXPORT_KEEP_DAYS).map(Integer::parseInt).orElse(DEFAULT_EXPORT_KEEP_DAYS);
    }

    /**
     * Whether an upload for a PBX nobody registered registers it; unless the operator chose, only while no PBX is
     * registered at all (so a fresh install takes its first PBX's calls, and a typo later makes no tenant).
     */
    public boolean registersPbxOnUpload() {
        return value(REGISTER_PBX_ON_UPLOAD).map(Boolean::parseBoolean)
                .orElseGet(() -> em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult() == 0);
    }

    /** The PBXs with a retention time of their own (the others follow the default's). */
    public Set<String> pbxsWithOwnRetention() {
        return pbxsWithOwn(RETENTION_DAYS);
    }

    /** The PBXs with recycle-bin days of their own. */
    public Set<String> pbxsWithOwnRecycleBin() {
        return pbxsWithOwn(RECYCLE_BIN_DAYS);
    }

    /** The PBXs with an export keeping time of their own. */
    public Set<String> pbxsWithOwnExportKeeping() {
        return pbxsWithOwn(EXPORT_KEEP_DAYS);
    }

    private Set<String> pbxsWithOwn(String name) {
        return new TreeSet<>(em.createQuery("select s.key.pbx from PbxSetting s where s.key.name = :name", String.class)
                .setParameter("name", name).getResultList());
    }

    /** Whether recordings are sealed when converted (switching it on seals the earlier ones too). */
    public boolean sealEnabled(String pbx) {
        return value(pbx, SEAL_ENABLED).map(Boolean::parseBoolean).orElse(false);
    }

    /** The PBX's display name, which its administrators must set (a banner says so until they do). */
    public Optional<String> pbxName(String pbx) {
        // never the operator's: a PBX shown under another's name would be worse than "PBX name missing"
        return (pbx == null ? value(PBX_NAME) : own(pbx, PBX_NAME)).filter(n -> !n.isBlank());
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

    /** Whether a device at {@code address} may upload to a PBX or read its originals: from its device networks (any when none are set). */
    public boolean devicesMaySendFrom(String pbx, String address) {
        return DeviceNetworks.parse(value(pbx, DEVICE_NETWORKS).orElse("")).allow(address);
    }

    /** Whether uploads to a PBX need HTTP Basic credentials: a WebDAV user is set for it, or by default. */
    public boolean uploadsNeedCredentials(String pbx) {
        return deviceCredentials(pbx).user().isPresent();
    }

    /** Whether {@code user} and {@code password} are a PBX's device credentials (its own, else the default's), for uploads. */
    public boolean acceptsUploadCredentials(String pbx, String user, char[] password) {
        return deviceCredentials(pbx).accept(user, password);
    }

    /** The user name of the pair a PBX's phones upload with from its settings (its own, else the default), if any. */
    public Optional<String> deviceUser(String pbx) {
        return deviceCredentials(pbx).user();
    }

    /**
     * Whether a PBX's originals may be read over WebDAV: once it has a reader pair of its own, or (innovaphone's way,
     * while it has none) device credentials of its own. The default pair, which the phones of many PBXs may carry,
     * uploads but reads nothing; a reader pair is never a default either.
     */
    public boolean readableOverWebDav(String pbx) {
        return own(pbx, READER_USER).filter(u -> !u.isEmpty()).isPresent() || own(pbx, WEBDAV_USER).filter(u -> !u.isEmpty()).isPresent();
    }

    /**
     * Whether {@code user} and {@code password} read a PBX's originals: its reader pair when it has one (then the
     * phones' pair reads nothing), else its own device pair.
     */
    public boolean acceptsReaderCredentials(String pbx, String user, char[] password) {
        Optional<String> reader = own(pbx, READER_USER).filter(u -> !u.isEmpty());
        if (reader.isPresent()) {
            return new DeviceCredentials(reader, own(pbx, READER_PASSWORD_HASH).orElse(null)).accept(user, password);
        }
        return readableOverWebDav(pbx) && deviceCredentials(pbx).accept(user, password);
    }

    private record DeviceCredentials(Optional<String> user, String hash) {

        boolean accept(String given, char[] password) {
            return user.isPresent() && user.get().equals(given) && PasswordHash.matches(password, hash);
        }
    }

    /** User and password hash as one pair: a PBX's own (both stored together), else the operator's default pair. */
    private DeviceCredentials deviceCredentials(String pbx) {
        Optional<String> user = pbx == null ? Optional.empty() : own(pbx, WEBDAV_USER);
        if (user.isPresent()) {
            return new DeviceCredentials(user.filter(u -> !u.isEmpty()), own(pbx, WEBDAV_PASSWORD_HASH).orElse(null));
        }
        return new DeviceCredentials(value(WEBDAV_USER).filter(u -> !u.isEmpty()), value(WEBDAV_PASSWORD_HASH).orElse(null));
    }

    private Optional<String> own(String pbx, String name) {
        PbxSetting own = em.find(PbxSetting.class, new PbxSetting.Key(pbx, name));
        return own == null ? Optional.empty() : Optional.ofNullable(own.getValue());
    }

    /** Stores a number of days from 0 to {@link #MAX_RETENTION_DAYS} when given; refuses others with {@code refusal}. */
    private void putDays(String pbx, String key, Long days, String refusal) {
        if (days == null) {
            return;
        }
        if (days < 0 || days > MAX_RETENTION_DAYS) {
            throw new InvalidSettingException(refusal);
        }
        put(pbx, key, Long.toString(days));
    }

    /** The caller's settings: their PBX's, or for the operator the deployment's with the PBXs' defaults. */
    @RolesAllowed("ADMIN")
    public SettingsView view() {
        return view(caller.tenant());
    }

    /**
     * A PBX's settings ({@code null}: the deployment's and the defaults); a PBX's administrators see only theirs. The
     * mail settings (where alarms go, the SMTP account) are shown to the operator only.
     *
     * @throws EJBAccessException when a PBX's administrator asks for another PBX's
     */
    @RolesAllowed("ADMIN")
    public SettingsView view(String pbx) {
        String scope = tenants.tenantFor(pbx);
        boolean mail = caller.isOperator();
        OptionalInt licences = licences(scope);
        Map<String, String> trace = new LinkedHashMap<>();
        traceLevels().forEach((category, level) -> trace.put(category.key(), level));
        DeviceCredentials devices = deviceCredentials(scope);
        return new SettingsView(scope, maxCaptureBytes(), devices.user().orElse(""), devices.hash() != null,
                outputFormat(scope).toString(), (int) callInformationWait(scope).toMinutes(),
                licences.isPresent() ? licences.getAsInt() : null, onlyMeAllowed(scope), retentionDays(scope), recycleBinDays(scope),
                exportKeepDays(scope), pbxName(scope).orElse(""), pbxName(scope).isEmpty(), trace, sealEnabled(scope), keyRing.activeId(scope).orElse(null),
                mail ? value(SMTP_HOST).orElse("") : "", mail ? value(SMTP_PORT).map(Integer::parseInt).orElse(DEFAULT_SMTP_PORT) : DEFAULT_SMTP_PORT,
                mail && value(SMTP_START_TLS).map(Boolean::parseBoolean).orElse(false), mail ? value(SMTP_USER).orElse("") : "",
                mail && value(SMTP_PASSWORD).isPresent(), mail ? value(MAIL_FROM).orElse("") : "",
                mail ? String.join(", ", alarmRecipients()) : "", registersPbxOnUpload(), value(scope, DEVICE_NETWORKS).orElse(""),
                scope == null ? "" : own(scope, READER_USER).orElse(""), scope != null && own(scope, READER_PASSWORD_HASH).isPresent(),
                keyRing.ownActiveId(scope).isPresent());
    }

    /** Changes the caller's settings: their PBX's, or for the operator the deployment's and the PBXs' defaults. */
    @RolesAllowed("ADMIN")
    public SettingsView change(SettingsChange change) {
        return change(caller.tenant(), change);
    }

    /**
     * Changes a PBX's settings ({@code null}: the deployment's and the defaults of every PBX that has not set its own).
     * Deployment settings are the operator's, and changed without a PBX.
     *
     * @throws EJBAccessException when a PBX's administrator names another PBX or a deployment setting
     */
    @RolesAllowed("ADMIN")
    public SettingsView change(String pbx, SettingsChange change) {
        String scope = tenants.tenantForNew(pbx);
        deploymentOnly(scope, change);
        SettingsView before = view(scope);
        if (change.maxCaptureBytes() != null) {
            if (change.maxCaptureBytes() < 1024) {
                throw new InvalidSettingException("maxCaptureBytes must be at least 1024");
            }
            put(null, MAX_CAPTURE_BYTES, Long.toString(change.maxCaptureBytes()));
        }
        if (change.webdavUser() != null || change.webdavPassword() != null) {
            // stored as a pair, starting from the pair the PBX has now: a new password is never half of the default's pair
            DeviceCredentials now = deviceCredentials(scope);
            String user = change.webdavUser() != null ? change.webdavUser().trim() : now.user().orElse("");
            if (change.webdavPassword() != null && change.webdavPassword().length() < 8) {
                throw new InvalidSettingException("webdavPassword must have at least 8 characters");
            }
            // a PBX's own user with the default's password would open its originals to every phone carrying the default
            String keptHash = scope == null ? now.hash() : own(scope, WEBDAV_USER).isPresent() ? now.hash() : null;
            String hash = change.webdavPassword() != null ? PasswordHash.of(change.webdavPassword().toCharArray()) : keptHash;
            if (!user.isEmpty() && hash == null) {
                throw new InvalidSettingException("webdavPassword is required when setting webdavUser");
            }
            if (user.isEmpty() && change.webdavPassword() != null) {
                throw new InvalidSettingException("webdavUser is required with a webdavPassword");
            }
            putAlways(scope, WEBDAV_USER, user);
            if (hash != null) {
                putAlways(scope, WEBDAV_PASSWORD_HASH, hash);
            }
        }
        if (change.deviceNetworks() != null) {
            String networks = change.deviceNetworks().strip();
            try {
                DeviceNetworks.parse(networks);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("deviceNetworks: " + e.getMessage() + " (separated by commas; empty: anywhere)");
            }
            put(scope, DEVICE_NETWORKS, networks);
        }
        if (change.webdavReaderUser() != null || change.webdavReaderPassword() != null) {
            if (scope == null) {
                throw new InvalidSettingException("webdavReaderUser is a PBX's own (never a default): set it with ?pbx=");
            }
            String user = change.webdavReaderUser() != null ? change.webdavReaderUser().trim() : own(scope, READER_USER).orElse("");
            if (change.webdavReaderPassword() != null && change.webdavReaderPassword().length() < 8) {
                throw new InvalidSettingException("webdavReaderPassword must have at least 8 characters");
            }
            String hash = change.webdavReaderPassword() != null ? PasswordHash.of(change.webdavReaderPassword().toCharArray())
                    : own(scope, READER_PASSWORD_HASH).orElse(null);
            if (!user.isEmpty() && hash == null) {
                throw new InvalidSettingException("webdavReaderPassword is required when setting webdavReaderUser");
            }
            putAlways(scope, READER_USER, user);
            if (hash != null) {
                putAlways(scope, READER_PASSWORD_HASH, hash);
            }
        }
        if (change.outputFormat() != null) {
            try {
                put(scope, OUTPUT_FORMAT, OutputFormat.parse(change.outputFormat()).toString());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("outputFormat: " + e.getMessage()
                        + " (wav, wav-alaw or mp3-<kbps>, then optionally -mono, -remote or -local)");
            }
        }
        if (change.callInformationWaitMinutes() != null) {
            long minutes = change.callInformationWaitMinutes();
            if (minutes < 1 || minutes > MAX_CALL_INFORMATION_WAIT_MINUTES) {
                throw new InvalidSettingException("callInformationWaitMinutes must be between 1 and " + MAX_CALL_INFORMATION_WAIT_MINUTES);
            }
            put(scope, CALL_INFORMATION_WAIT_MINUTES, Long.toString(minutes));
        }
        if (change.onlyMeAllowed() != null) {
            put(scope, ONLY_ME_ALLOWED, change.onlyMeAllowed().toString());
        }
        if (change.licences() != null && !Objects.equals(change.licences(), (long) licences(scope).orElse(-1))) {
            if (!caller.isOperator()) { // what a PBX has bought: it cannot grant itself more
                throw new EJBAccessException("licences are installed by the operator (for a PBX with ?pbx=)");
            }
            if (change.licences() < -1 || change.licences() > 1_000_000) {
                throw new InvalidSettingException("licences must be between 0 and 1000000 (-1: not enforced)");
            }
            put(scope, LICENCES, change.licences() < 0 ? "" : Long.toString(change.licences()));
        }
        putDays(scope, RETENTION_DAYS, change.retentionDays(),
                "retentionDays must be between 1 and " + MAX_RETENTION_DAYS + " (0: keep until deleted)");
        putDays(scope, RECYCLE_BIN_DAYS, change.recycleBinDays(),
                "recycleBinDays must be between 0 (purged by the next run) and " + MAX_RETENTION_DAYS);
        putDays(scope, EXPORT_KEEP_DAYS, change.exportKeepDays(),
                "exportKeepDays must be between 0 (deleted by the next run) and " + MAX_RETENTION_DAYS);
        if (change.pbxName() != null) {
            String name = change.pbxName().strip();
            if (name.isEmpty() || name.length() > 100) {
                throw new InvalidSettingException("pbxName must have 1 to 100 characters");
            }
            putAlways(scope, PBX_NAME, name);
        }
        if (change.sealEnabled() != null) {
            boolean enabling = change.sealEnabled() && !sealEnabled(scope);
            put(scope, SEAL_ENABLED, change.sealEnabled().toString());
            if (enabling) {
                sealingEnabled.fire(new SealingEnabled(scope));
            }
        }
        if (change.traceLevels() != null) {
            for (Map.Entry<String, String> e : change.traceLevels().entrySet()) {
                TraceCategory category = TraceLevels.category(e.getKey());
                put(null, TRACE + category.key(), TraceLevels.checked(category.key(), e.getValue()));
            }
            applyTraceLevels();
        }
        if (change.cryptKey() != null) { // logged as the change of cryptKeyId (the key ring's entry), never the key
            if (change.cryptKey().isEmpty()) {
                keyRing.clear(scope);
            } else if (change.cryptKey().length() < 12) {
                throw new InvalidSettingException("cryptKey must have at least 12 characters (empty: " + (scope == null
                        ? "store new files unencrypted)" : "the PBX's new files follow the operator's crypt key)"));
            } else {
                keyRing.activate(scope, change.cryptKey().toCharArray(), caller.name());
            }
        }
        changeMail(change);
        if (change.registerPbxOnUpload() != null) {
            put(null, REGISTER_PBX_ON_UPLOAD, change.registerPbxOnUpload().toString());
        }
        SettingsView after = view(scope);
        List<String> changed = differences(before, after);
        if (change.webdavPassword() != null) {
            changed.add("webdavPassword (a new secret)");
        }
        if (change.webdavReaderPassword() != null) {
            changed.add("webdavReaderPassword (a new secret)");
        }
        if (change.smtpPassword() != null) {
            changed.add(change.smtpPassword().isEmpty() ? "smtpPassword=(none)" : "smtpPassword (a new secret)");
        }
        if (!changed.isEmpty()) { // in the log of the PBX whose settings they are (the operator's: the defaults)
            actionLog.recordAs(caller.name(), scope, Action.SETTING_CHANGE, Outcome.SUCCESS,
                    (scope == null ? "" : scope + ": ") + String.join(", ", changed));
        }
        return after;
    }

    /**
     * Drops a PBX's own settings: it follows the defaults again. The licences the operator installed for it stay
     * unless the operator drops them. Logged in the PBX's log.
     *
     * @throws EJBAccessException when a PBX's administrator names another PBX
     */
    @RolesAllowed("ADMIN")
    public SettingsView reset(String pbx) {
        String scope = tenants.tenantFor(pbx);
        if (scope == null) {
            throw new InvalidSettingException("pbx: name the PBX whose own settings go (?pbx=); the defaults themselves stay");
        }
        boolean operator = caller.isOperator();
        int dropped = em.createQuery("delete from PbxSetting s where s.key.pbx = :pbx and (:all = true or s.key.name <> :licences)")
                .setParameter("pbx", scope).setParameter("all", operator).setParameter("licences", LICENCES).executeUpdate();
        if (keyRing.ownActiveId(scope).isPresent()) { // its entries stay in the ring: what they encrypted stays readable
            keyRing.clear(scope);
            dropped++;
        }
        if (dropped > 0) {
            actionLog.recordAs(caller.name(), scope, Action.SETTING_CHANGE, Outcome.SUCCESS,
                    scope + ": its own settings dropped (" + dropped + "), the defaults apply" + (operator ? "" : ", its licences stay"));
        }
        return view(scope);
    }

    /** Refuses deployment settings in a PBX's change: naming the first, and who may change it. */
    private void deploymentOnly(String scope, SettingsChange change) {
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("maxCaptureBytes", change.maxCaptureBytes());
        deployment.put("traceLevels", change.traceLevels());
        deployment.put("smtpHost", change.smtpHost());
        deployment.put("smtpPort", change.smtpPort());
        deployment.put("smtpStartTls", change.smtpStartTls());
        deployment.put("smtpUser", change.smtpUser());
        deployment.put("smtpPassword", change.smtpPassword());
        deployment.put("mailFrom", change.mailFrom());
        deployment.put("alarmRecipients", change.alarmRecipients());
        deployment.put("registerPbxOnUpload", change.registerPbxOnUpload());
        Optional<String> named = deployment.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).findFirst();
        if (named.isEmpty()) {
            return;
        }
        if (!caller.isOperator()) { // a PBX's administrator would otherwise change every PBX's (or get the SMTP account)
            throw new EJBAccessException(named.get() + " is a deployment setting, the operator's: an administrator in no PBX");
        }
        if (scope != null) {
            throw new InvalidSettingException(named.get() + " is a deployment setting: change it without a PBX");
        }
    }

    private void changeMail(SettingsChange change) {
        boolean touched = Stream.of(change.smtpHost(), change.smtpPort(), change.smtpStartTls(), change.smtpUser(),
                change.smtpPassword(), change.mailFrom(), change.alarmRecipients()).anyMatch(Objects::nonNull);
        if (!touched) {
            return;
        }
        if (change.smtpHost() != null) {
            String host = change.smtpHost().strip();
            if (!host.isEmpty() && !HOST.matcher(host).matches()) {
                throw new InvalidSettingException("smtpHost must be a host name or an address, such as mail.example.com (empty: no mail)");
            }
            put(null, SMTP_HOST, host);
        }
        if (change.smtpPort() != null) {
            if (change.smtpPort() < 1 || change.smtpPort() > 65535) {
                throw new InvalidSettingException("smtpPort must be between 1 and 65535 (25, 587 with STARTTLS)");
            }
            put(null, SMTP_PORT, change.smtpPort().toString());
        }
        if (change.smtpStartTls() != null) {
            put(null, SMTP_START_TLS, change.smtpStartTls().toString());
        }
        if (change.smtpUser() != null) {
            put(null, SMTP_USER, change.smtpUser().strip());
        }
        if (change.smtpPassword() != null) {
            if (change.smtpPassword().isEmpty()) {
                remove(SMTP_PASSWORD);
            } else {
                put(null, SMTP_PASSWORD, masterKey.encryptSecret(change.smtpPassword(), SMTP_PASSWORD_PURPOSE));
            }
        }
        if (change.mailFrom() != null) {
            String from = change.mailFrom().strip();
            if (!from.isEmpty()) {
                address("mailFrom", from);
            }
            put(null, MAIL_FROM, from);
        }
        if (change.alarmRecipients() != null) {
            List<String> recipients = Arrays.stream(change.alarmRecipients().split("[,;]")).map(String::strip)
                    .filter(a -> !a.isEmpty()).toList();
            for (String recipient : recipients) {
                address("alarmRecipients", recipient);
            }
            put(null, ALARM_RECIPIENTS, String.join(",", recipients));
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

    /** A PBX's own value of a PBX setting, else the operator's (the default), else none. */
    private Optional<String> value(String pbx, String name) {
        if (pbx != null && PBX_SETTINGS.contains(name)) {
            PbxSetting own = em.find(PbxSetting.class, new PbxSetting.Key(pbx, name));
            if (own != null) {
                return Optional.ofNullable(own.getValue());
            }
        }
        return value(name);
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
                if (!Objects.equals(was, now) && !List.of("pbx", "webdavPasswordSet", "pbxNameMissing", "smtpPasswordSet", "webdavReaderPasswordSet", "cryptKeyOwn").contains(field.getName())) {
                    changed.add(field.getName() + "=" + (now == null || "".equals(now) ? "(none)" : now));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's accessor", e);
            }
        }
        return changed;
    }

    /**
     * Stores a PBX's own value ({@code pbx} not null), else the deployment's (the default of PBX settings). A PBX's
     * value equal to the default while it has none of its own is not stored: the PBX goes on following the default
     * (a client sending back all it read freezes nothing).
     */
    private void put(String pbx, String name, String value) {
        if (pbx != null && em.find(PbxSetting.class, new PbxSetting.Key(pbx, name)) == null
                && Objects.equals(value(name).orElse(null), value)) {
            return;
        }
        putAlways(pbx, name, value);
    }

    private void putAlways(String pbx, String name, String value) {
        if (pbx != null) {
            if (!PBX_SETTINGS.contains(name)) {
                throw new IllegalArgumentException(name + " is a deployment setting");
            }
            PbxSetting own = em.find(PbxSetting.class, new PbxSetting.Key(pbx, name));
            if (own == null) {
                em.persist(new PbxSetting(pbx, name, value));
            } else {
                own.setValue(value);
            }
            return;
        }
        Setting s = em.find(Setting.class, name);
        if (s == null) {
            em.persist(new Setting(name, value));
        } else {
            s.setValue(value);
        }
    }
}
