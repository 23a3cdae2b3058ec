package io.verbatim.directory;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The people who may sign in, and checking what they say about themselves. */
@Stateless
public class Directory {

    @PersistenceContext
    EntityManager em;

    /** The active account whose password matches, if any (never says which of the two was wrong). */
    public Optional<UserAccount> authenticate(String username, char[] password) {
        Optional<UserAccount> account = findByUsername(username).filter(UserAccount::isActive);
        if (account.isEmpty()) {
            PasswordHash.matches(password, DUMMY_HASH); // same work either way, so timing tells nothing
            return Optional.empty();
        }
        return account.filter(a -> PasswordHash.matches(password, a.getPasswordHash()));
    }

    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username)
                .getResultStream().findFirst();
    }

    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }

    public UserAccount create(String username, String displayName, char[] password, Role role) {
        UserAccount account = new UserAccount(username, displayName, PasswordHash.of(password), role);
        em.persist(account);
        return account;
    }

    private static final String DUMMY_HASH = PasswordHash.of("not a password".toCharArray());
}
