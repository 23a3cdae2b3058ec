package io.verbatim.settings;

import static io.verbatim.settings.SettingKey.Scope.DEPLOYMENT;
import static io.verbatim.settings.SettingKey.Scope.PBX;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings that are the settings capability's own because more than a value is done with them: device and reader
 * credentials (stored as pairs, passwords hashed), licences (the operator's alone), the PBX's name (never a default),
 * sealing (announced when switched on), the trace levels (a family, applied on every node), the mail server (checked
 * as a whole), device networks and registering PBXs on upload. The others are declared by the capability they belong
 * to ({@link SettingDeclarations}) and stored, shown and changed alike; {@link #all} lists both, the deployment's in
 * the order a PBX's administrator is told about the first they named.
 */
final class SettingKeys {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\]");

    // the deployment's, the operator's alone
    /** The family of trace levels, one per {@link TraceCategory} ({@link #trace}). */
    static final SettingKey<String> TRACE_LEVELS = SettingKey.text("trace.", "traceLevels", DEPLOYMENT, TraceLevels.DEFAULT, v -> null)
            .described("Log level per trace category (recording, callInformation, conversion, license, gui, connections): off, error, warning, info, debug or trace; switched at runtime, on other nodes within a minute");
    static final SettingKey<String> SMTP_HOST = SettingKey.text("mail.smtp-host", "smtpHost", DEPLOYMENT, "",
            host -> host.isEmpty() || HOST.matcher(host).matches() ? null
                    : "smtpHost must be a host name or an address, such as mail.example.com (empty: no mail)")
            .described("The SMTP server alarm mail goes through (empty: no mail)");
    static final SettingKey<Long> SMTP_PORT = SettingKey.number("mail.smtp-port", "smtpPort", DEPLOYMENT, 25, 1, 65535,
            "smtpPort must be between 1 and 65535 (25, 587 with STARTTLS)")
            .described("Its port (25; 587 with STARTTLS)");
    static final SettingKey<Boolean> SMTP_START_TLS = SettingKey.flag("mail.smtp-starttls", "smtpStartTls", DEPLOYMENT, false)
            .described("Whether the SMTP connection is upgraded with STARTTLS");
    static final SettingKey<String> SMTP_USER = SettingKey.text("mail.smtp-user", "smtpUser", DEPLOYMENT, "", v -> null)
            .described("The SMTP account (empty: no sign-in; needs smtpStartTls)");
    /** Encrypted with the master key, bound to {@link #SMTP_PASSWORD_PURPOSE}. */
    static final SettingKey<String> SMTP_PASSWORD = SettingKey.secret("mail.smtp-password-encrypted", "smtpPassword", DEPLOYMENT)
            .described("The SMTP account's password (write-only; empty: none)");
    static final SettingKey<String> MAIL_FROM = SettingKey.text("mail.from", "mailFrom", DEPLOYMENT, "",
            from -> from.isEmpty() ? null : addressProblem("mailFrom", from))
            .described("The address alarm mail comes from (required once smtpHost is set)");
    /** Stored joined by commas, each checked. */
    static final SettingKey<String> ALARM_RECIPIENTS = SettingKey.canonical("mail.alarm-recipients", "alarmRecipients", DEPLOYMENT, "",
            SettingKeys::recipients, "mail addresses separated by commas")
            .described("Where alarm mail goes: addresses separated by commas");
    /** Unless the operator chose: on while no PBX is registered ({@link Settings#registersPbxOnUpload}). */
    static final SettingKey<Boolean> REGISTER_PBX_ON_UPLOAD = SettingKey.flag("ingest.register-pbx-on-upload", "registerPbxOnUpload",
            DEPLOYMENT, false)
            .described("Whether an upload for a PBX nobody registered registers it (else 404); unset: on while no PBX is registered");

    // a PBX's own, over the operator's default
    static final SettingKey<String> WEBDAV_USER = SettingKey.text("webdav.user", "webdavUser", PBX, "", v -> null)
            .described("The user devices upload (and, with no reader pair, read originals over WebDAV) with; empty: uploads need no credentials");
    static final SettingKey<String> WEBDAV_PASSWORD_HASH = SettingKey.secret("webdav.password-hash", "webdavPassword", PBX)
            .described("Its password (write-only, at least 8 characters)");
    /** Stored empty while not enforced (-1 in the API). */
    static final SettingKey<Long> LICENCES = SettingKey.number("licence.installed", "licences", PBX, -1, -1, 1_000_000,
            "licences must be between 0 and 1000000 (-1: not enforced)")
            .described("Recorder licences installed, set by the operator (-1 in a change: not enforced; a view leaves it out while none are)");
    /** Never the operator's for a PBX: a PBX shown under another's name would be worse than "PBX name missing". */
    static final SettingKey<String> PBX_NAME = SettingKey.text("pbx.name", "pbxName", PBX, null,
            name -> name.isEmpty() || name.length() > 100 ? "pbxName must have 1 to 100 characters" : null)
            .described("The PBX's display name (administrators see a banner until it is set)");
    static final SettingKey<Boolean> SEAL_ENABLED = SettingKey.flag("seal.enabled", "sealEnabled", PBX, false)
            .described("Whether recordings are sealed as they are converted (switching it on seals the earlier ones too)");
    static final SettingKey<String> DEVICE_NETWORKS = SettingKey.canonical("ingest.device-networks", "deviceNetworks", PBX, "",
            text -> {
                DeviceNetworks.parse(text);
                return text;
            }, "separated by commas; empty: anywhere")
            .described("CIDR blocks, separated by commas, a PBX's devices upload and read from (empty: anywhere)");
    /** A PBX's own only, never a default: the phones of many PBXs may carry the default pair. */
    static final SettingKey<String> READER_USER = SettingKey.text("webdav.reader-user", "webdavReaderUser", PBX, "", v -> null)
            .described("A PBX's own pair for reading its originals over WebDAV, apart from the phones' (never a default; empty: none)");
    static final SettingKey<String> READER_PASSWORD_HASH = SettingKey.secret("webdav.reader-password-hash", "webdavReaderPassword", PBX)
            .described("Its password (write-only, at least 8 characters)");

    /** The settings capability's own, handled one by one in {@link Settings}. */
    static final List<SettingKey<?>> OWN = List.of(TRACE_LEVELS, SMTP_HOST, SMTP_PORT, SMTP_START_TLS, SMTP_USER, SMTP_PASSWORD,
            MAIL_FROM, ALARM_RECIPIENTS, REGISTER_PBX_ON_UPLOAD, WEBDAV_USER, WEBDAV_PASSWORD_HASH, LICENCES, PBX_NAME, SEAL_ENABLED,
            DEVICE_NETWORKS, READER_USER, READER_PASSWORD_HASH);

    /** Declared by the other capabilities: each is stored, shown and changed like any other value. */
    static final List<SettingKey<?>> DECLARED = declaredByCapabilities();

    /** Every setting: {@link #OWN}, then {@link #DECLARED}; made once (reading a setting looks in it, uploads too). */
    private static final List<SettingKey<?>> ALL = Stream.concat(OWN.stream(), DECLARED.stream()).toList();

    static List<SettingKey<?>> all() {
        return ALL;
    }

    private static List<SettingKey<?>> declaredByCapabilities() {
        List<SettingKey<?>> declared = new ArrayList<>();
        // the ejb module's own loader: it holds the services file and every declaring class
        ServiceLoader.load(SettingDeclarations.class, SettingDeclarations.class.getClassLoader())
                .forEach(declarations -> declared.addAll(declarations.declared()));
        return List.copyOf(declared);
    }

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
        return all().stream().anyMatch(key -> key.isPbxs() && key.stored().equals(stored));
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
