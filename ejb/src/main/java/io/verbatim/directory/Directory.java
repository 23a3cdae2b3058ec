package io.verbatim.directory;

import io.verbatim.caller.Caller;
import io.verbatim.crypto.PasswordHash;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The people who may sign in: their accounts and their administration, which PBX an entry the caller creates belongs
 * to, and who the caller is. A tenant's administrators see and manage their own tenant only; the operator (no tenant)
 * all. Signing in is {@link SignIn}'s, groups are {@link Groups}'.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Directory {

    /** PBX usernames as capture names carry them: no path or name separators. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");
    private static final Pattern NUMBER = Pattern.compile("[0-9*#+]{1,64}");
    /** As upload URLs accept them. */
    static final int MIN_PASSWORD_LENGTH = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Tenants tenants;

    @Inject
    SignInThrottle throttle;

    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username)
                .getResultStream().findFirst();
    }

    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }

    /** The first administrator, at start-up: the operator of the deployment, in no tenant. */
    public UserAccount create(String username, String displayName, char[] password, Role role) {
        UserAccount account = new UserAccount(username, null, displayName, PasswordHash.of(password), role);
        account.setLicensed(true);
        em.persist(account);
        return account;
    }

    /** Users of the caller's tenant whose username, display name, email or number contains {@code text}. */
    @RolesAllowed("ADMIN")
    public List<UserProfile> users(String text) {
        String pbx = caller.tenant();
        String like = "%" + (text == null ? "" : text.toLowerCase(Locale.ROOT)) + "%";
        return em.createQuery("select distinct u from UserAccount u left join u.numbers n"
                        + " where (:all = true or u.pbx = :pbx)"
                        + " and (lower(u.username) like :text or lower(coalesce(u.displayName, '')) like :text"
                        + " or lower(coalesce(u.email, '')) like :text or n like :text)"
                        + " order by u.username", UserAccount.class)
                .setParameter("all", pbx == null).setParameter("pbx", pbx).setParameter("text", like)
                .getResultList().stream().map(UserProfile::of).toList();
    }

    @RolesAllowed("ADMIN")
    public UserProfile user(String username) {
        return UserProfile.of(managedUser(username));
    }

    @RolesAllowed("ADMIN")
    public UserProfile createUser(UserChange change) {
        if (change.username() == null || !USERNAME.matcher(change.username()).matches()) {
            throw new InvalidEntryException("username is required: 1 to 255 letters, digits or . _ @ + -");
        }
        if (change.role() == null) {
            throw new InvalidEntryException("role is required: ADMIN, SUPERVISOR, USER or COMPLIANCE");
        }
        if (change.password() == null) {
            throw new InvalidEntryException("password is required");
        }
        if (findByUsername(change.username()).isPresent()) {
            throw new DirectoryConflictException("username " + change.username() + " is taken");
        }
        String pbx = tenants.tenantForNew(change.pbx());
        UserAccount u = new UserAccount(change.username(), pbx, change.displayName(), "-", change.role());
        apply(u, change);
        em.persist(u);
        return UserProfile.of(u);
    }

    @RolesAllowed("ADMIN")
    public UserProfile updateUser(String username, UserChange change) {
        UserAccount u = managedUser(username);
        if (change.username() != null && !change.username().equals(username)) {
            throw new InvalidEntryException("a username cannot change (recordings are filed under it)");
        }
        if (change.pbx() != null && !Objects.equals(blankToNull(change.pbx()), u.getPbx())) {
            throw new InvalidEntryException("a user cannot move to another PBX");
        }
        if (u.getUsername().equals(caller.name()) && ((change.active() != null && !change.active())
                || (change.role() != null && change.role() != Role.ADMIN))) {
            throw new InvalidEntryException("you cannot deactivate yourself or give up your own administrator role");
        }
        if (change.role() != null) {
            u.setRole(change.role());
        }
        apply(u, change);
        return UserProfile.of(u);
    }

    /** Deactivates: the user can no longer sign in; their recordings and history stay. */
    @RolesAllowed("ADMIN")
    public UserProfile deactivateUser(String username) {
        return updateUser(username, UserChange.active(false));
    }

    private void apply(UserAccount u, UserChange change) {
        if (change.password() != null) {
            if (change.password().length() < MIN_PASSWORD_LENGTH) {
                throw new InvalidEntryException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            u.setPasswordHash(PasswordHash.of(change.password().toCharArray()));
        }
        if (change.displayName() != null) {
            u.setDisplayName(blankToNull(change.displayName()));
        }
        if (change.numbers() != null) {
            for (String number : change.numbers()) {
                if (number == null || !NUMBER.matcher(number).matches()) {
                    throw new InvalidEntryException("numbers hold digits, *, # and + only: " + number);
                }
            }
            u.setNumbers(change.numbers());
        }
        if (change.email() != null) {
            String email = blankToNull(change.email());
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new InvalidEntryException("not an email address: " + email);
            }
            u.setEmail(email);
        }
        if (change.timezone() != null) {
            u.setTimezone(zone(change.timezone()));
        }
        if (change.licensed() != null) {
            u.setLicensed(change.licensed());
        }
        if (change.active() != null) {
            u.setActive(change.active());
        }
        if (Boolean.TRUE.equals(change.active()) || change.password() != null) {
            throttle.lift(u.getUsername()); // an administrator vouching for the account lifts its refusals
        }
    }

    private UserAccount managedUser(String username) {
        UserAccount u = findByUsername(username).orElseThrow(() -> new NoSuchEntryException("user " + username));
        String tenant = caller.tenant();
        if (tenant != null && !tenant.equals(u.getPbx())) {
            throw new NoSuchEntryException("user " + username);
        }
        return u;
    }

    /**
     * The display names of users, for showing whose a recording is: for each username that has one, its PBX and
     * display name (a caller shows it only for a recording of that PBX: the same username elsewhere is someone else,
     * or no user at all).
     */
    public Map<String, DisplayName> displayNames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select u.username, u.pbx, u.displayName from UserAccount u where u.username in :names and u.displayName is not null",
                        Object[].class).setParameter("names", Set.copyOf(usernames)).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> new DisplayName((String) row[1], (String) row[2])));
    }

    /** A user's display name and the PBX the user belongs to. */
    public record DisplayName(String pbx, String name) implements Serializable {
    }

    /** Users of a tenant by username, every one of which must exist there. */
    public Set<UserAccount> tenantUsers(Set<String> usernames, String pbx) {
        Set<UserAccount> users = new HashSet<>();
        for (String username : usernames) {
            UserAccount u = findByUsername(username)
                    .filter(found -> Objects.equals(found.getPbx(), pbx))
                    .orElseThrow(() -> new InvalidEntryException("no user " + username + (pbx == null ? "" : " on PBX " + pbx)));
            users.add(u);
        }
        return users;
    }

    /** The signed-in caller's account. */
    public UserAccount caller() {
        return findByUsername(caller.name()).orElseThrow(() -> new EJBAccessException("not signed in"));
    }

    /** The zone the signed-in caller reads times in: their own, else the server's. */
    public ZoneId callerZone() {
        String own = caller().getTimezone();
        return own != null ? ZoneId.of(own) : ZoneId.systemDefault();
    }

    /** A user's tenant, {@code null} for the operator (and for a name that is no user's). */
    public String tenantOf(String username) {
        List<String> pbx = em.createQuery("select u.pbx from UserAccount u where u.username = :name", String.class)
                .setParameter("name", username).getResultList();
        return pbx.isEmpty() ? null : pbx.get(0); // a stream would refuse the operator's null
    }

    /** A time zone as typed (blank: none), by its canonical id. */
    static String zone(String id) {
        if (id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            throw new InvalidEntryException("unknown time zone: " + id);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
