package io.verbatim.directory;

/** A token to create: a name saying what uses it, and optionally how many days it lasts (none: until revoked). */
public record TokenRequest(String name, Integer expiresInDays) {
}
