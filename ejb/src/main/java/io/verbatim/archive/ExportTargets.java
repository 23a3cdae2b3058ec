package io.verbatim.archive;

import io.verbatim.access.AccessPolicy;
import io.verbatim.access.AppObjects;
import io.verbatim.access.DeletionMode;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import io.verbatim.callinfo.Direction;
import io.verbatim.cluster.NodeIdentity;
import io.verbatim.crypto.MasterKey;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Groups;
import io.verbatim.jobs.JobName;
import io.verbatim.jobs.JobRuns;
import io.verbatim.recording.RecordingFileName;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.settings.InvalidSettingException;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Export targets, administered by a PBX's administrators (their PBX's recordings) and the operator (a PBX's, naming it,
 * or every PBX's, naming none): add, list, remove, run now (or again, everything), what went where. Every change and
 * every run started is in the action log; secrets are taken, kept encrypted and never shown.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class ExportTargets {

    /** What a target names its files by default: a folder per day, the call's direction, the other party and the call id. */
    public static final String DEFAULT_TEMPLATE = "{yyyy}/{MM}/{dd}/{direction}_{remote}_{callId}";
    /** The job parameters of a run. */
    public static final String TARGET = "target";
    public static final String AGAIN = "again";

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    MasterKey masterKey;

    @Inject
    ActionLog actionLog;

    @Inject
    Groups groups;

    @Inject
    NodeIdentity node;

    @Inject
    AccessPolicy access;

    @Inject
    AppObjects appObjects;

    @Inject
    Directory directory;

    /**
     * Adds a target.
     *
     * @throws InvalidSettingException naming the first field that is missing or wrong
     */
    @RolesAllowed("ADMIN")
    public ExportTarget add(String pbx, ExportTargetSpec spec) {
        String scope = tenants.tenantForNew(pbx);
        String name = required(spec.name(), "name", "e.g. Compliance archive");
        if (name.length() > 255) {
            throw new InvalidSettingException("name must have at most 255 characters");
        }
        ExportTarget.Kind kind = kind(spec.kind());
        ExportTarget t = new ExportTarget(scope, name, kind, caller.name(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ExportSecret secret;
        if (kind == ExportTarget.Kind.SFTP) {
            String host = limited(required(spec.host(), "host", "the SFTP server's name or address"), "host", 255);
            int port = spec.port() == null ? 22 : spec.port();
            if (port < 1 || port > 65535) {
                throw new InvalidSettingException("port must be between 1 and 65535");
            }
            String hostKey = required(spec.hostKey(), "hostKey", "the server's public key as known_hosts holds it, e.g. ssh-ed25519 AAAA… "
                    + "(ssh-keyscan -p PORT HOST prints it); a server showing another key is refused")
                    .replaceFirst("^[^\\s]+\\s+(?=(ssh-|ecdsa-))", ""); // ssh-keyscan's line starts with the host
            if (!hostKey.matches("(ssh-(ed25519|rsa)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+(\\s.*)?")) {
                throw new InvalidSettingException("hostKey must be a key type and its base64 as known_hosts holds it, e.g. ssh-ed25519 AAAA…");
            }
            hostKey = hostKey.replaceFirst("^(\\S+ \\S+).*", "$1"); // without a comment after the key
            t.sftp(host, port, hostKey);
            boolean password = present(spec.password());
            boolean key = present(spec.privateKey());
            if (password == key) {
                throw new InvalidSettingException("password or privateKey: give one of them (the private key in PEM or OpenSSH format)");
            }
            if (key) {
                SftpDestination.checkPrivateKey(spec.privateKey().strip() + "\n");
            }
            secret = password ? new ExportSecret(spec.password(), null, null) : new ExportSecret(null, spec.privateKey().strip() + "\n", null);
            limited(secret.stored(), password ? "password" : "privateKey", 8000);
            String folder = spec.location() == null ? "" : spec.location().strip();
            if (folder.matches(".*[*?\\\\].*") || List.of(folder.split("/")).contains("..")) {
                throw new InvalidSettingException("location must be a folder without *, ?, \\ or ..");
            }
            t.place(limited(folder, "location", 1000), limited(required(spec.username(), "username", "the SFTP user"), "username", 255),
                    masterKey.encryptSecret(secret.stored(), ExportSecret.PURPOSE));
        } else {
            String endpoint = present(spec.endpoint()) ? spec.endpoint().strip() : null;
            if (endpoint != null && !endpoint.matches("https?://[^\\s/]+(/.*)?")) {
                throw new InvalidSettingException("endpoint must be an http(s) address, e.g. https://s3.example.com (empty: AWS S3)");
            }
            if (endpoint != null) {
                try {
                    URI.create(limited(endpoint, "endpoint", 1000));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException("endpoint is no address: " + e.getMessage());
                }
            }
            t.s3(endpoint, present(spec.region()) ? limited(spec.region().strip(), "region", 64) : "us-east-1");
            String location = required(spec.location(), "location", "the bucket, or bucket/prefix").replaceFirst("^/", "");
            if (!location.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?")) {
                throw new InvalidSettingException("location must start with a bucket's name (3 to 63 lower-case letters, digits, . and -)");
            }
            secret = new ExportSecret(null, null, required(spec.secretKey(), "secretKey", "the S3 secret access key"));
            t.place(limited(location, "location", 1000), limited(required(spec.username(), "username", "the S3 access key id"), "username", 255),
                    masterKey.encryptSecret(limited(secret.stored(), "secretKey", 8000),
                    ExportSecret.PURPOSE));
        }
        String template = present(spec.nameTemplate()) ? limited(spec.nameTemplate().strip(), "nameTemplate", 500) : DEFAULT_TEMPLATE;
        RecordingFileName.check(template, "nameTemplate");
        ZoneId zone = zone(spec.timeZone());
        t.naming(template, zone.getId(), ExportMetadata.checked(spec.metadataItems()));
        for (String group : spec.groups() == null ? List.<String>of() : spec.groups()) {
            if (groups.findGroup(group, scope).isEmpty()) {
                throw new InvalidSettingException("groups names no group " + group + (scope == null ? "" : " of " + scope));
            }
        }
        LocalDate from = day(spec.recordedFrom(), "recordedFrom");
        LocalDate until = day(spec.recordedUntil(), "recordedUntil");
        t.filter(joined(spec.owners()), joined(spec.groups()), direction(spec.direction()),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant()); // until a day: to its end, however long
        boolean handOver = Boolean.TRUE.equals(spec.deleteAfterExport());
        if (handOver) { // erasing through an archive is deleting: not for one whose deletions are denied, nor while viewing as
            access.actingViewer();
            AppObjects.DeletionRule rule = appObjects.deletionRuleFor(directory.caller());
            if (rule.mode() == DeletionMode.DENIED) {
                throw new InvalidSettingException("deleteAfterExport erases recordings, and deletion is not allowed for " + rule.appObject());
            }
        }
        t.handling(handOver, dailyAt(spec.dailyAt()));
        em.persist(t);
        em.flush();
        actionLog.recordAs(caller.name(), scope, Action.SETTING_CHANGE, Outcome.SUCCESS, "export target " + t.getId() + " " + name
                + " to " + t.address() + " added" + (t.isDeleteAfterExport() ? ", erasing what it exported" : ""));
        return t;
    }

    /** The caller's targets: a PBX's administrator, their PBX's; the operator, the PBX named or (none named) their own. */
    @RolesAllowed("ADMIN")
    public List<ExportTarget> list(String pbx) {
        return tenants.entriesOf(ExportTarget.class, pbx);
    }

    /**
     * One target the caller administers.
     *
     * @throws NoSuchEntryException when there is none with that id the caller may administer (another PBX's is not told apart)
     */
    @RolesAllowed("ADMIN")
    public ExportTarget get(long id) {
        ExportTarget t = em.find(ExportTarget.class, id);
        if (t == null || !tenants.administers(t.getPbx())) {
            throw new NoSuchEntryException("export target " + id);
        }
        return t;
    }

    /** Removes a target and its record of what it exported (the files stay where they went). */
    @RolesAllowed("ADMIN")
    public void remove(long id) {
        ExportTarget t = get(id);
        em.createQuery("delete from ExportedRecording e where e.targetId = :id").setParameter("id", id).executeUpdate();
        em.remove(t);
        actionLog.recordAs(caller.name(), t.getPbx(), Action.SETTING_CHANGE, Outcome.SUCCESS,
                "export target " + id + " " + t.getName() + " to " + t.address() + " removed");
    }

    /**
     * Starts a run now: what the target has not had yet, or ({@code again}) everything its filter takes.
     * @return the run's execution id (its progress on the Jobs page and at {@code /api/v1/jobs/runs/{id}})
     */
    @RolesAllowed("ADMIN")
    public long start(long id, boolean again) {
        ExportTarget t = get(id);
        OptionalLong running = running(id);
        if (running.isPresent()) { // two runs would write the same files and record them twice
            throw new ExportRunning(t.describe() + " is being exported to now (run " + running.getAsLong() + "): wait for it to end");
        }
        actionLog.recordAs(caller.name(), t.getPbx(), Action.JOB_START, Outcome.SUCCESS, JobName.RECORDING_EXPORT.id() + " to export target "
                + id + " " + t.getName() + (again ? ", everything again" : ""));
        return startRun(t, again);
    }

    /** What a target has had, newest first, at most {@code limit}. */
    @RolesAllowed("ADMIN")
    public List<ExportedRecording> exported(long id, int limit) {
        get(id);
        return em.createQuery("select e from ExportedRecording e where e.targetId = :id order by e.exportedAt desc, e.recordingId desc",
                ExportedRecording.class).setParameter("id", id).setMaxResults(limit).getResultList().stream().toList();
    }

    private long startRun(ExportTarget t, boolean again) {
        return JobName.RECORDING_EXPORT.start(parameters(t, again), node.name());
    }

    /** The run exporting to a target now, if one is. */
    static OptionalLong running(long targetId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            for (long execution : operator.getRunningExecutions(JobName.RECORDING_EXPORT.id())) {
                Properties parameters = operator.getParameters(execution);
                if (parameters != null && String.valueOf(targetId).equals(parameters.getProperty(TARGET))) {
                    return OptionalLong.of(execution);
                }
            }
        } catch (NoSuchJobException neverRun) {
            // no run of the job yet
        }
        return OptionalLong.empty();
    }

    /** A run's parameters: the target, and whether it sends everything again. */
    static Properties parameters(ExportTarget t, boolean again) {
        Properties parameters = new Properties();
        parameters.setProperty(TARGET, String.valueOf(t.getId()));
        parameters.setProperty(AGAIN, String.valueOf(again));
        if (t.getPbx() != null) { // the PBX's administrators follow it on the Jobs page
            parameters.setProperty(JobRuns.PBX, t.getPbx());
        }
        return parameters;
    }

    private static ExportTarget.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidSettingException("kind is required: sftp or s3");
        }
        try {
            return ExportTarget.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("kind must be sftp or s3, not " + kind);
        }
    }

    private static String direction(String direction) {
        if (!present(direction)) {
            return null;
        }
        return Direction.ofWord(direction).map(Direction::name)
                .orElseThrow(() -> new InvalidSettingException("direction must be in, out or internal, not " + direction));
    }

    private static ZoneId zone(String zone) {
        if (!present(zone)) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSettingException("timeZone must be a zone such as Europe/Berlin, not " + zone);
        }
    }

    private static LocalDate day(String date, String field) {
        if (!present(date)) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(field + " must be a date such as 2026-12-31, not " + date);
        }
    }

    private static String dailyAt(String time) {
        if (!present(time)) {
            return null;
        }
        try {
            return LocalTime.parse(time.strip()).truncatedTo(ChronoUnit.MINUTES).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException("dailyAt must be a time of day such as 02:30, not " + time);
        }
    }

    private static String joined(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        String joined = String.join(",", names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList());
        if (joined.length() > 2000) {
            throw new InvalidSettingException("owners and groups take at most 2000 characters each");
        }
        return joined.isEmpty() ? null : joined;
    }

    private static String limited(String value, String field, int most) {
        if (value.length() > most) {
            throw new InvalidSettingException(field + " must have at most " + most + " characters");
        }
        return value;
    }

    private static String required(String value, String field, String hint) {
        if (!present(value)) {
            throw new InvalidSettingException(field + " is required: " + hint);
        }
        return value.strip();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
