package io.verbatim.directory;

import java.time.Instant;

/**
 * A token as its owner sees it. {@code secret} is there once, in the answer that creates the token; it is never
 * stored and cannot be shown again.
 */
public record TokenView(long id, String name, String username, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                        Instant revokedAt, String secret) {

    static TokenView of(ApiToken t, String secret) {
        return new TokenView(t.getId(), t.getName(), t.getUser().getUsername(), t.getCreatedAt(), t.getExpiresAt(),
                t.getLastUsedAt(), t.getRevokedAt(), secret);
    }
}
