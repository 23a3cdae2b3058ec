/**
 * The REST API, version 1 at {@code /api/v1} with its OpenAPI document at {@code /openapi}: one JAX-RS resource per
 * subject, grouped by who uses it: {@code recordings} (finding, hearing and keeping calls, their call records and the
 * recycle bin), {@code compliance} (the action log and seals) and {@code administration} (users, groups, app objects,
 * tokens, PBXs, licences, device credentials, settings, jobs, alarms, quarantine). The resources turn HTTP into calls
 * on the EJB module's services and their results into JSON views; the rules (who may see what, what is logged) stay in
 * those services, so the pages and the API apply the same. This package holds what they share:
 * {@link ApiExceptionMapper} turns what the services throw into an error with the right status and a sentence, never a
 * stack trace ({@link ApiError}); {@link ApiApplication} declares the API; bodies, dates, byte ranges and Location
 * headers are read and written alike. Callers are authenticated before a resource is reached, by
 * {@code io.verbatim.web.security}.
 */
package io.verbatim.web.api;
