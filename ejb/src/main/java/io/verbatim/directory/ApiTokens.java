package io.verbatim.directory;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.NoSuchEntryException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Per-user API tokens: for systems that call the API on a user's behalf without holding their password. Each user
 * creates, lists and revokes their own; administrators may revoke any of their tenant's.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class ApiTokens {

    /** Marks the secret as ours in logs and secret scanners. */
    static final String PREFIX = "vbt_";
    static final int MAX_DAYS = 3650;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    ActionLog actionLog;

    @RolesAllowed({"ADMIN", "SUPERVISOR", "USER", "COMPLIANCE"})
    public TokenView create(TokenRequest request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw new InvalidEntryException("a token needs a name of at most 100 characters saying what uses it");
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidEntryException("expiresInDays must be between 1 and " + MAX_DAYS);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ApiToken token = new ApiToken(directory.caller(), request.name().trim(), hash(secret), now,
                days == null ? null : now.plus(days, ChronoUnit.DAYS));
        em.persist(token);
        actionLog.record(Action.TOKEN_ISSUE, "API token '" + token.getName() + "'"
                + (token.getExpiresAt() == null ? "" : ", expires " + token.getExpiresAt()));
        return TokenView.of(token, secret);
    }

    /** The caller's own tokens, newest first, revoked ones included. */
    @RolesAllowed({"ADMIN", "SUPERVISOR", "USER", "COMPLIANCE"})
    public List<TokenView> mine() {
        return em.createQuery("select t from ApiToken t where t.user = :user order by t.id desc", ApiToken.class)
                .setParameter("user", directory.caller()).getResultList().stream().map(t -> TokenView.of(t, null)).toList();
    }

    /** Revokes one of the caller's tokens (administrators: any of their tenant's); takes effect on the next request. */
    @RolesAllowed({"ADMIN", "SUPERVISOR", "USER", "COMPLIANCE"})
    public TokenView revoke(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        UserAccount caller = directory.caller();
        boolean own = token != null && token.getUser().getId().equals(caller.getId());
        boolean administered = token != null && caller.getRole() == Role.ADMIN
                && (caller.getPbx() == null || caller.getPbx().equals(token.getUser().getPbx()));
        if (!own && !administered) {
            throw new NoSuchEntryException("token " + id);
        }
        token.revokeAt(Instant.now());
        actionLog.record(Action.TOKEN_REVOKE, "API token '" + token.getName() + "' of " + token.getUser().getUsername());
        return TokenView.of(token, null);
    }

    /** The active user a valid token belongs to; records when it was last used. */
    public Optional<UserAccount> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<ApiToken> token = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash(secret)).getResultStream().findFirst();
        if (token.isEmpty() || !token.get().validAt(now)) {
            actionLog.recordAs(token.map(t -> t.getUser().getUsername()).orElse("unknown API token"),
                    token.map(t -> t.getUser().getPbx()).orElse(null), Action.FAILED_LOGIN, Outcome.DENIED,
                    token.isEmpty() ? "no such API token" : "API token '" + token.get().getName() + "' expired or revoked");
            return Optional.empty();
        }
        token.get().usedAt(now);
        return Optional.of(token.get().getUser());
    }


    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
