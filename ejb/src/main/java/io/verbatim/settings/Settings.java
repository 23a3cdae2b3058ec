package io.verbatim.settings;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.directory.PasswordHash;
import io.verbatim.media.OutputFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
    /** As innovaphone's recorder: a call record may come up to two hours after the recording. */
    public static final int DEFAULT_CALL_INFORMATION_WAIT_MINUTES = 120;
    static final int MAX_CALL_INFORMATION_WAIT_MINUTES = 10 * 24 * 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    ActionLog actionLog;

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

    /** Whether uploads must carry HTTP Basic credentials (a WebDAV user is configured). */
    public boolean uploadsNeedCredentials() {
        return value(WEBDAV_USER).filter(u -> !u.isEmpty()).isPresent();
    }

    public boolean acceptsUploadCredentials(String user, char[] password) {
        Optional<String> expected = value(WEBDAV_USER).filter(u -> !u.isEmpty());
        return expected.isPresent() && expected.get().equals(user)
                && PasswordHash.matches(password, value(WEBDAV_PASSWORD_HASH).orElse(null));
    }

    @RolesAllowed("ADMIN")
    public SettingsView view() {
        OptionalInt licences = licences();
        return new SettingsView(maxCaptureBytes(), value(WEBDAV_USER).orElse(""), value(WEBDAV_PASSWORD_HASH).isPresent(),
                outputFormat().toString(), (int) callInformationWait().toMinutes(),
                licences.isPresent() ? licences.getAsInt() : null, onlyMeAllowed());
    }

    @RolesAllowed("ADMIN")
    public SettingsView change(SettingsChange change) {
        List<String> changed = new ArrayList<>();
        if (change.maxCaptureBytes() != null) {
            if (change.maxCaptureBytes() < 1024) {
                throw new InvalidSettingException("maxCaptureBytes must be at least 1024");
            }
            put(changed, MAX_CAPTURE_BYTES, "maxCaptureBytes", Long.toString(change.maxCaptureBytes()));
        }
        if (change.webdavUser() != null) {
            String user = change.webdavUser().trim();
            if (!user.isEmpty() && change.webdavPassword() == null && value(WEBDAV_PASSWORD_HASH).isEmpty()) {
                throw new InvalidSettingException("webdavPassword is required when setting webdavUser");
            }
            put(changed, WEBDAV_USER, "webdavUser", user);
        }
        if (change.outputFormat() != null) {
            try {
                put(changed, OUTPUT_FORMAT, "outputFormat", OutputFormat.parse(change.outputFormat()).toString());
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
            put(changed, CALL_INFORMATION_WAIT_MINUTES, "callInformationWaitMinutes", Integer.toString(minutes));
        }
        if (change.onlyMeAllowed() != null) {
            put(changed, ONLY_ME_ALLOWED, "onlyMeAllowed", change.onlyMeAllowed().toString());
        }
        if (change.licences() != null) {
            if (change.licences() < -1 || change.licences() > 1_000_000) {
                throw new InvalidSettingException("licences must be between 0 and 1000000 (-1: not enforced)");
            }
            put(changed, LICENCES, "licences", change.licences() < 0 ? "" : Integer.toString(change.licences()));
        }
        if (change.webdavPassword() != null) {
            if (change.webdavPassword().length() < 8) {
                throw new InvalidSettingException("webdavPassword must have at least 8 characters");
            }
            put(WEBDAV_PASSWORD_HASH, PasswordHash.of(change.webdavPassword().toCharArray()));
            changed.add("webdavPassword (new secret)");
        }
        if (!changed.isEmpty()) {
            actionLog.record(Action.SETTING_CHANGE, String.join(", ", changed));
        }
        return view();
    }

    private Optional<String> value(String name) {
        Setting s = em.find(Setting.class, name);
        return s == null ? Optional.empty() : Optional.ofNullable(s.getValue());
    }

    /** Stores a setting and notes it for the action log if it changed ({@code field}: its name in the API). */
    private void put(List<String> changed, String name, String field, String value) {
        if (!value.equals(value(name).orElse(null))) {
            changed.add(field + "=" + (value.isEmpty() ? "(none)" : value));
        }
        put(name, value);
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
