package io.verbatim.settings;

import static io.verbatim.settings.SettingKeys.ALARM_RECIPIENTS;
import static io.verbatim.settings.SettingKeys.DEVICE_NETWORKS;
import static io.verbatim.settings.SettingKeys.LICENCES;
import static io.verbatim.settings.SettingKeys.MAIL_FROM;
import static io.verbatim.settings.SettingKeys.PBX_NAME;
import static io.verbatim.settings.SettingKeys.READER_PASSWORD_HASH;
import static io.verbatim.settings.SettingKeys.READER_USER;
import static io.verbatim.settings.SettingKeys.REGISTER_PBX_ON_UPLOAD;
import static io.verbatim.settings.SettingKeys.SEAL_ENABLED;
import static io.verbatim.settings.SettingKeys.SMTP_HOST;
import static io.verbatim.settings.SettingKeys.SMTP_PASSWORD;
import static io.verbatim.settings.SettingKeys.SMTP_PASSWORD_PURPOSE;
import static io.verbatim.settings.SettingKeys.SMTP_PORT;
import static io.verbatim.settings.SettingKeys.SMTP_START_TLS;
import static io.verbatim.settings.SettingKeys.SMTP_USER;
import static io.verbatim.settings.SettingKeys.WEBDAV_PASSWORD_HASH;
import static io.verbatim.settings.SettingKeys.WEBDAV_USER;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import io.verbatim.crypto.KeyRing;
import io.verbatim.crypto.MasterKey;
import io.verbatim.crypto.PasswordHash;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The administrators' settings, stored in the database so every node sees the same, each declared once by the
 * capability it belongs to ({@link SettingDeclarations}; this package's own in {@link SettingKeys}). Two kinds (docs/tenancy.md): a PBX's own (its policy, its devices' credentials, its name; its crypt key, in the key
 * ring), which its administrators set for it alone, and the deployment's (upload limit, trace levels, mail server),
 * which only the operator sets. What the operator sets for the PBX settings (and the crypt key) is the default of
 * every PBX that has not set its own.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Settings {

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

    /** Recorder licences installed; empty until an administrator sets a number (then they are enforced). */
    public OptionalInt licences(String pbx) {
        long installed = get(pbx, LICENCES);
        return installed < 0 ? OptionalInt.empty() : OptionalInt.of((int) installed);
    }

    /**
     * Whether an upload for a PBX nobody registered registers it; unless the operator chose, only while no PBX is
     * registered at all (so a fresh install takes its first PBX's calls, and a typo later makes no tenant).
     */
    public boolean registersPbxOnUpload() {
        return registersPbxOnUpload(em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult() == 0);
    }

    /** The same, told whether no PBX is registered (by a caller that has just read the registry). */
    public boolean registersPbxOnUpload(boolean noneRegistered) {
        return value(null, REGISTER_PBX_ON_UPLOAD).map(Boolean::parseBoolean).orElse(noneRegistered);
    }

    /**
     * The value of a setting: a PBX's own (for a PBX's setting), else the operator's (the default), else its
     * declared default; {@code pbx} null (or a deployment setting): the operator's.
     */
    public <T> T get(String pbx, SettingKey<T> key) {
        if (key.secret() || !SettingKeys.all().contains(key)) { // a key made up for a secret's stored name reads nothing
            throw new IllegalArgumentException(key.field() + " is no declared setting that may be read");
        }
        return read(pbx, key);
    }

    private <T> T read(String pbx, SettingKey<T> key) {
        return key.read(value(pbx, key));
    }

    /** The PBXs with a value of their own for a PBX's setting (the others follow the default's). */
    public Set<String> pbxsWithOwn(SettingKey<?> key) {
        return new TreeSet<>(em.createQuery("select s.key.pbx from PbxSetting s where s.key.name = :name", String.class)
                .setParameter("name", key.stored()).getResultList());
    }

    /** Whether recordings are sealed when converted (switching it on seals the earlier ones too). */
    public boolean sealEnabled(String pbx) {
        return get(pbx, SEAL_ENABLED);
    }

    /** The PBX's display name, which its administrators must set (a banner says so until they do). */
    public Optional<String> pbxName(String pbx) {
        // never the operator's: a PBX shown under another's name would be worse than "PBX name missing"
        return (pbx == null ? value(null, PBX_NAME) : own(pbx, PBX_NAME)).filter(n -> !n.isBlank());
    }

    /** The log level of each trace category (info unless changed). */
    public EnumMap<TraceCategory, String> traceLevels() {
        EnumMap<TraceCategory, String> levels = new EnumMap<>(TraceCategory.class);
        for (TraceCategory c : TraceCategory.values()) {
            levels.put(c, read(null, SettingKeys.trace(c)));
        }
        return levels;
    }

    /** Sets this node's log levels as stored (at start, after a change, and now and then for changes made on other nodes). */
    public void applyTraceLevels() {
        TraceLevels.apply(traceLevels());
    }

    /** The SMTP server, once an administrator named one (else no mail is sent). */
    public Optional<MailServer> mailServer() {
        return Optional.of(get(null, SMTP_HOST)).filter(h -> !h.isBlank()).map(host -> new MailServer(host,
                get(null, SMTP_PORT).intValue(), get(null, SMTP_START_TLS), get(null, SMTP_USER),
                value(null, SMTP_PASSWORD).map(p -> masterKey.decryptSecret(p, SMTP_PASSWORD_PURPOSE)).orElse(""),
                get(null, MAIL_FROM), alarmRecipients()));
    }

    private List<String> alarmRecipients() {
        return Optional.of(get(null, ALARM_RECIPIENTS)).filter(r -> !r.isBlank())
                .map(r -> Arrays.stream(r.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList()).orElse(List.of());
    }

    /** Whether a device at {@code address} may upload to a PBX or read its originals: from its device networks (any when none are set). */
    public boolean devicesMaySendFrom(String pbx, String address) {
        return DeviceNetworks.parse(get(pbx, DEVICE_NETWORKS)).allow(address);
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
        return new DeviceCredentials(value(null, WEBDAV_USER).filter(u -> !u.isEmpty()), value(null, WEBDAV_PASSWORD_HASH).orElse(null));
    }

    private Optional<String> own(String pbx, SettingKey<?> key) {
        PbxSetting own = em.find(PbxSetting.class, new PbxSetting.Key(pbx, key.stored()));
        return own == null ? Optional.empty() : Optional.ofNullable(own.getValue());
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
     * @throws io.verbatim.tenancy.OtherPbxException when a PBX's administrator asks for another PBX's
     */
    @RolesAllowed("ADMIN")
    public SettingsView view(String pbx) {
        String scope = tenants.tenantFor(pbx);
        boolean mail = caller.isOperator();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("pbx", scope);
        DeviceCredentials devices = deviceCredentials(scope);
        shown.put(WEBDAV_USER.field(), devices.user().orElse(""));
        shown.put("webdavPasswordSet", devices.hash() != null);
        OptionalInt licences = licences(scope);
        shown.put(LICENCES.field(), licences.isPresent() ? (Long) (long) licences.getAsInt() : null);
        shown.put(PBX_NAME.field(), pbxName(scope).orElse(""));
        shown.put("pbxNameMissing", pbxName(scope).isEmpty());
        Map<String, String> trace = new LinkedHashMap<>();
        traceLevels().forEach((category, level) -> trace.put(category.key(), level));
        shown.put(SettingKeys.TRACE_LEVELS.field(), trace);
        shown.put(SEAL_ENABLED.field(), sealEnabled(scope));
        shown.put("cryptKeyId", keyRing.activeId(scope).orElse(null));
        shown.put("cryptKeyOwn", keyRing.ownActiveId(scope).isPresent());
        // the mail settings (where alarms go, the SMTP account) are the operator's to see
        shown.put(SMTP_HOST.field(), mail ? get(null, SMTP_HOST) : "");
        shown.put(SMTP_PORT.field(), mail ? get(null, SMTP_PORT) : SMTP_PORT.read(Optional.empty()));
        shown.put(SMTP_START_TLS.field(), mail && get(null, SMTP_START_TLS));
        shown.put(SMTP_USER.field(), mail ? get(null, SMTP_USER) : "");
        shown.put("smtpPasswordSet", mail && value(null, SMTP_PASSWORD).isPresent());
        shown.put(MAIL_FROM.field(), mail ? get(null, MAIL_FROM) : "");
        shown.put(ALARM_RECIPIENTS.field(), mail ? String.join(", ", alarmRecipients()) : "");
        shown.put(REGISTER_PBX_ON_UPLOAD.field(), registersPbxOnUpload());
        shown.put(DEVICE_NETWORKS.field(), get(scope, DEVICE_NETWORKS));
        shown.put(READER_USER.field(), scope == null ? "" : own(scope, READER_USER).orElse(""));
        shown.put("webdavReaderPasswordSet", scope != null && own(scope, READER_PASSWORD_HASH).isPresent());
        for (SettingKey<?> key : SettingKeys.DECLARED) {
            if (!key.secret()) {
                shown.put(key.field(), read(scope, key));
            }
        }
        return new SettingsView(shown);
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
     * @throws io.verbatim.tenancy.OtherPbxException when a PBX's administrator names another PBX; EJBAccessException when they name a deployment setting
     */
    @RolesAllowed("ADMIN")
    public SettingsView change(String pbx, SettingsChange change) {
        String scope = tenants.tenantForNew(pbx);
        deploymentOnly(scope, change);
        SettingsView before = view(scope);
        for (SettingKey<?> key : SettingKeys.DECLARED) {
            setGiven(key.isPbxs() ? scope : null, key, change);
        }
        if (change.get(WEBDAV_USER) != null || change.get(WEBDAV_PASSWORD_HASH) != null) {
            // stored as a pair, starting from the pair the PBX has now: a new password is never half of the default's pair
            DeviceCredentials now = deviceCredentials(scope);
            String user = change.get(WEBDAV_USER) != null ? change.get(WEBDAV_USER).trim() : now.user().orElse("");
            if (change.get(WEBDAV_PASSWORD_HASH) != null && change.get(WEBDAV_PASSWORD_HASH).length() < 8) {
                throw new InvalidSettingException("webdavPassword must have at least 8 characters");
            }
            // a PBX's own user with the default's password would open its originals to every phone carrying the default
            String keptHash = scope == null ? now.hash() : own(scope, WEBDAV_USER).isPresent() ? now.hash() : null;
            String hash = change.get(WEBDAV_PASSWORD_HASH) != null ? PasswordHash.of(change.get(WEBDAV_PASSWORD_HASH).toCharArray()) : keptHash;
            if (!user.isEmpty() && hash == null) {
                throw new InvalidSettingException("webdavPassword is required when setting webdavUser");
            }
            if (user.isEmpty() && change.get(WEBDAV_PASSWORD_HASH) != null) {
                throw new InvalidSettingException("webdavUser is required with a webdavPassword");
            }
            putAlways(scope, WEBDAV_USER, user);
            if (hash != null) {
                putAlways(scope, WEBDAV_PASSWORD_HASH, hash);
            }
        }
        set(scope, DEVICE_NETWORKS, change.get(DEVICE_NETWORKS));
        if (change.get(READER_USER) != null || change.get(READER_PASSWORD_HASH) != null) {
            if (scope == null) {
                throw new InvalidSettingException("webdavReaderUser is a PBX's own (never a default): set it with ?pbx=");
            }
            String user = change.get(READER_USER) != null ? change.get(READER_USER).trim() : own(scope, READER_USER).orElse("");
            if (change.get(READER_PASSWORD_HASH) != null && change.get(READER_PASSWORD_HASH).length() < 8) {
                throw new InvalidSettingException("webdavReaderPassword must have at least 8 characters");
            }
            String hash = change.get(READER_PASSWORD_HASH) != null ? PasswordHash.of(change.get(READER_PASSWORD_HASH).toCharArray())
                    : own(scope, READER_PASSWORD_HASH).orElse(null);
            if (!user.isEmpty() && hash == null) {
                throw new InvalidSettingException("webdavReaderPassword is required when setting webdavReaderUser");
            }
            putAlways(scope, READER_USER, user);
            if (hash != null) {
                putAlways(scope, READER_PASSWORD_HASH, hash);
            }
        }
        if (change.get(LICENCES) != null && !Objects.equals(change.get(LICENCES), (long) licences(scope).orElse(-1))) {
            if (!caller.isOperator()) { // what a PBX has bought: it cannot grant itself more
                throw new EJBAccessException("licences are installed by the operator (for a PBX with ?pbx=)");
            }
            String installed = LICENCES.store(change.get(LICENCES));
            put(scope, LICENCES, change.get(LICENCES) < 0 ? "" : installed);
        }
        if (change.get(PBX_NAME) != null) {
            putAlways(scope, PBX_NAME, PBX_NAME.store(change.get(PBX_NAME)));
        }
        if (change.get(SEAL_ENABLED) != null) {
            boolean enabling = change.get(SEAL_ENABLED) && !sealEnabled(scope);
            set(scope, SEAL_ENABLED, change.get(SEAL_ENABLED));
            if (enabling) {
                sealingEnabled.fire(new SealingEnabled(scope));
            }
        }
        if (change.traceLevels() != null) {
            for (Map.Entry<String, String> e : change.traceLevels().entrySet()) {
                TraceCategory category = TraceLevels.category(e.getKey());
                put(null, SettingKeys.trace(category), TraceLevels.checked(category.key(), e.getValue()));
            }
            applyTraceLevels();
        }
        if (change.text(SettingsChange.CRYPT_KEY) != null) { // logged as the change of cryptKeyId (the key ring's entry), never the key
            if (change.text(SettingsChange.CRYPT_KEY).isEmpty()) {
                keyRing.clear(scope);
            } else if (change.text(SettingsChange.CRYPT_KEY).length() < 12) {
                throw new InvalidSettingException("cryptKey must have at least 12 characters (empty: " + (scope == null
                        ? "store new files unencrypted)" : "the PBX's new files follow the operator's crypt key)"));
            } else {
                keyRing.activate(scope, change.text(SettingsChange.CRYPT_KEY).toCharArray(), caller.name());
            }
        }
        changeMail(change);
        set(null, REGISTER_PBX_ON_UPLOAD, change.get(REGISTER_PBX_ON_UPLOAD));
        SettingsView after = view(scope);
        List<String> changed = differences(before, after);
        if (change.get(WEBDAV_PASSWORD_HASH) != null) {
            changed.add("webdavPassword (a new secret)");
        }
        if (change.get(READER_PASSWORD_HASH) != null) {
            changed.add("webdavReaderPassword (a new secret)");
        }
        if (change.get(SMTP_PASSWORD) != null) {
            changed.add(change.get(SMTP_PASSWORD).isEmpty() ? "smtpPassword=(none)" : "smtpPassword (a new secret)");
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
     * @throws io.verbatim.tenancy.OtherPbxException when a PBX's administrator names another PBX
     */
    @RolesAllowed("ADMIN")
    public SettingsView reset(String pbx) {
        String scope = tenants.tenantFor(pbx);
        if (scope == null) {
            throw new InvalidSettingException("pbx: name the PBX whose own settings go (?pbx=); the defaults themselves stay");
        }
        boolean operator = caller.isOperator();
        int dropped = em.createQuery("delete from PbxSetting s where s.key.pbx = :pbx and (:all = true or s.key.name <> :licences)")
                .setParameter("pbx", scope).setParameter("all", operator).setParameter("licences", LICENCES.stored()).executeUpdate();
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
        Optional<String> named = SettingKeys.all().stream().filter(key -> !key.isPbxs()).map(SettingKey::field)
                .filter(change::gives).findFirst();
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
        boolean touched = Stream.of(change.get(SMTP_HOST), change.get(SMTP_PORT), change.get(SMTP_START_TLS), change.get(SMTP_USER),
                change.get(SMTP_PASSWORD), change.get(MAIL_FROM), change.get(ALARM_RECIPIENTS)).anyMatch(Objects::nonNull);
        if (!touched) {
            return;
        }
        set(null, SMTP_HOST, change.get(SMTP_HOST));
        set(null, SMTP_PORT, change.get(SMTP_PORT));
        set(null, SMTP_START_TLS, change.get(SMTP_START_TLS));
        set(null, SMTP_USER, change.get(SMTP_USER));
        if (change.get(SMTP_PASSWORD) != null) {
            if (change.get(SMTP_PASSWORD).isEmpty()) {
                remove(SMTP_PASSWORD);
            } else {
                put(null, SMTP_PASSWORD, masterKey.encryptSecret(change.get(SMTP_PASSWORD), SMTP_PASSWORD_PURPOSE));
            }
        }
        set(null, MAIL_FROM, change.get(MAIL_FROM));
        set(null, ALARM_RECIPIENTS, change.get(ALARM_RECIPIENTS));
        if (!get(null, SMTP_HOST).isBlank() && get(null, MAIL_FROM).isBlank()) {
            throw new InvalidSettingException("mailFrom is required once smtpHost is set: the address alarm mail comes from");
        }
        if (!get(null, SMTP_USER).isEmpty() && !get(null, SMTP_START_TLS)) {
            throw new InvalidSettingException("smtpUser needs smtpStartTls: without it the SMTP password would cross the network in clear");
        }
    }

    private void remove(SettingKey<?> key) {
        Setting s = em.find(Setting.class, key.stored());
        if (s != null) {
            em.remove(s);
        }
    }

    /** A PBX's own value of a PBX setting, else the operator's (the default), else none. */
    private Optional<String> value(String pbx, SettingKey<?> key) {
        if (pbx != null && key.isPbxs()) {
            Optional<String> own = own(pbx, key);
            if (own.isPresent()) {
                return own;
            }
        }
        Setting s = em.find(Setting.class, key.stored());
        return s == null ? Optional.empty() : Optional.ofNullable(s.getValue());
    }

    /** What a change changed, as {@code field=value} in the API's names (secrets only named). */
    private static List<String> differences(SettingsView before, SettingsView after) {
        List<String> changed = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>(after.fields().keySet());
        fields.addAll(before.fields().keySet());
        for (String field : fields) {
            Object now = after.get(field);
            if (!Objects.equals(before.get(field), now) && (!SettingsView.SHOWN_ONLY.containsKey(field) || field.equals("cryptKeyId"))) {
                changed.add(field + "=" + (now == null || "".equals(now) ? "(none)" : now));
            }
        }
        return changed;
    }

    private <T> void setGiven(String pbx, SettingKey<T> key, SettingsChange change) {
        set(pbx, key, change.get(key));
    }

    /** Stores a new value when a change gives one, once tidied and checked. */
    private <T> void set(String pbx, SettingKey<T> key, T given) {
        if (given != null) {
            put(pbx, key, key.store(given));
        }
    }

    /**
     * Stores a PBX's own value ({@code pbx} not null), else the deployment's (the default of PBX settings). A PBX's
     * value equal to the default while it has none of its own is not stored: the PBX goes on following the default
     * (a client sending back all it read freezes nothing).
     */
    private void put(String pbx, SettingKey<?> key, String value) {
        if (pbx != null && em.find(PbxSetting.class, new PbxSetting.Key(pbx, key.stored())) == null
                && Objects.equals(value(null, key).orElse(null), value)) {
            return;
        }
        putAlways(pbx, key, value);
    }

    private void putAlways(String pbx, SettingKey<?> key, String value) {
        if (pbx != null) {
            if (!key.isPbxs()) {
                throw new IllegalArgumentException(key.field() + " is a deployment setting");
            }
            PbxSetting own = em.find(PbxSetting.class, new PbxSetting.Key(pbx, key.stored()));
            if (own == null) {
                em.persist(new PbxSetting(pbx, key.stored(), value));
            } else {
                own.setValue(value);
            }
            return;
        }
        Setting s = em.find(Setting.class, key.stored());
        if (s == null) {
            em.persist(new Setting(key.stored(), value));
        } else {
            s.setValue(value);
        }
    }
}
