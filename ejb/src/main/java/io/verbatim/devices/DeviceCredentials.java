package io.verbatim.devices;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import io.verbatim.crypto.PasswordHash;
import io.verbatim.directory.Directory;
import io.verbatim.directory.DirectoryConflictException;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.settings.InvalidSettingException;
import io.verbatim.settings.Settings;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Who may upload into a PBX: the one place that says so. A PBX's phones carry the pair in its settings (or the
 * operator's default pair) or one of its further pairs, one per site ({@link DeviceCredential}); each uploads into
 * its own PBX only. A PBX's administrators manage their PBX's pairs, the operator any PBX's (naming it); every change
 * is logged in that PBX's action log. Reading originals over WebDAV is not theirs (the settings' pairs decide it).
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class DeviceCredentials {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    ActionLog actionLog;

    /** Whether uploads to a PBX need credentials: its settings ask for them, or it has pairs per site. */
    public boolean uploadsNeedCredentials(String pbx) {
        return settings.uploadsNeedCredentials(pbx) || (pbx != null && em.createQuery(
                "select count(c) from DeviceCredential c where c.pbx = :pbx", Long.class).setParameter("pbx", pbx).getSingleResult() > 0);
    }

    /** Whether {@code user} and {@code password} upload into a PBX: its settings' pair (or the default), or one of its sites'. */
    public boolean acceptsUpload(String pbx, String user, char[] password) {
        if (settings.acceptsUploadCredentials(pbx, user, password)) {
            return true;
        }
        return pbx != null && byUser(pbx, user).filter(c -> c.getUsername().equals(user))
                .filter(c -> PasswordHash.matches(password, c.getPasswordHash())).isPresent();
    }

    /** A PBX's pairs by site; a PBX's administrator: theirs; the operator names the PBX. */
    @RolesAllowed("ADMIN")
    public List<DeviceCredential> list(String pbx) {
        String scope = named(tenants.tenantFor(pbx));
        return em.createQuery("select c from DeviceCredential c where c.pbx = :pbx order by c.site, c.username", DeviceCredential.class)
                .setParameter("pbx", scope).getResultList();
    }

    /**
     * Adds a pair for a site of a PBX.
     *
     * @throws InvalidSettingException when a field is missing or out of shape (the message names it)
     * @throws DirectoryConflictException when the PBX has a pair with that user name already (in any case)
     */
    @RolesAllowed("ADMIN")
    public DeviceCredential add(String pbx, String site, String username, String password) {
        String scope = named(tenants.tenantForNew(pbx)); // a PBX's phones may be set up before its first upload
        String siteName = required("site", site).strip();
        String user = required("user", username).strip();
        if (siteName.length() > DeviceCredential.NAME_LENGTH || user.length() > DeviceCredential.NAME_LENGTH) {
            throw new InvalidSettingException((siteName.length() > DeviceCredential.NAME_LENGTH ? "site" : "user")
                    + " must have at most " + DeviceCredential.NAME_LENGTH + " characters");
        }
        if (user.contains(":") || user.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingException("user may not contain ':' or control characters (HTTP Basic sends it before a colon)");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidSettingException("password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        if (byUser(scope, user).isPresent() || settings.deviceUser(scope).filter(user::equalsIgnoreCase).isPresent()) {
            throw new DirectoryConflictException("PBX " + scope + " has device credentials for user " + user + " already");
        }
        DeviceCredential credential = new DeviceCredential(scope, siteName, user, PasswordHash.of(password.toCharArray()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), caller.name());
        em.persist(credential);
        try {
            em.flush(); // the same name added at the same moment elsewhere: the unique index decides, as a conflict
        } catch (PersistenceException raced) {
            throw new DirectoryConflictException("PBX " + scope + " has device credentials for user " + user + " already");
        }
        actionLog.recordAs(caller.name(), scope, Action.SETTING_CHANGE, Outcome.SUCCESS,
                "device credentials of site " + siteName + " added (user " + user + ")");
        return credential;
    }

    /** Withdraws a pair ({@link #get}): the site's phones upload with it no more. */
    @RolesAllowed("ADMIN")
    public void remove(long id) {
        DeviceCredential credential = get(id);
        em.remove(credential);
        actionLog.recordAs(caller.name(), credential.getPbx(), Action.SETTING_CHANGE, Outcome.SUCCESS,
                "device credentials of site " + credential.getSite() + " withdrawn (user " + credential.getUsername() + ")");
    }

    /**
     * One pair the caller manages.
     *
     * @throws NoSuchEntryException when there is none with that id the caller may manage (another PBX's is not told apart)
     */
    @RolesAllowed("ADMIN")
    public DeviceCredential get(long id) {
        DeviceCredential credential = em.find(DeviceCredential.class, id);
        String tenant = caller.tenant();
        if (credential == null || (tenant != null && !tenant.equals(credential.getPbx()))) {
            throw new NoSuchEntryException("device credentials " + id);
        }
        return credential;
    }

    private Optional<DeviceCredential> byUser(String pbx, String user) {
        return em.createQuery("select c from DeviceCredential c where c.pbx = :pbx and c.usernameKey = :key", DeviceCredential.class)
                .setParameter("pbx", pbx).setParameter("key", DeviceCredential.key(user)).getResultStream().findFirst();
    }

    /** The PBX the caller manages pairs of: their own; the operator must name one (pairs per site are never a default). */
    private static String named(String scope) {
        if (scope == null) {
            throw new InvalidSettingException("pbx is required: device credentials per site are a PBX's own (?pbx=)");
        }
        return scope;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(field + " is required");
        }
        return value;
    }
}
