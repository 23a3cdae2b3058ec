/**
 * How people and systems prove who they are, and the protections every request passes through.
 * {@link VerbatimAuthentication} signs in pages by the login form (then the HTTP session) and API calls by HTTP Basic,
 * a per-user API token ({@code Bearer}) or a signed-in browser's session, checked against
 * {@code io.verbatim.directory}, and tells every capability who is calling, once per request
 * ({@code io.verbatim.caller.Caller}: name, PBX, roles, the client's address, and an administrator's view-as kept in
 * the session). Filters refuse cross-site requests that would change something
 * ({@link CrossSiteRequests}), add security headers (and, when configured, the redirect to HTTPS), and answer 503 while
 * the database is away; the error pages answer with a sentence, never a stack trace. {@link PublicAddress} gives the
 * base of every absolute URL handed out, because the request's Host header is the client's to choose. Which role
 * reaches which URL is set in {@code web.xml}.
 */
package io.verbatim.web.security;
