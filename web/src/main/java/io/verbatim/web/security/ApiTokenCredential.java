package io.verbatim.web.security;

import jakarta.security.enterprise.credential.Credential;

/** An API token presented as {@code Authorization: Bearer <token>}. */
record ApiTokenCredential(String secret) implements Credential {
}
