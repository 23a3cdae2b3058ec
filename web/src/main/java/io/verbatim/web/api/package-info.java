/**
 * The REST API, version 1 at {@code /api/v1} with its OpenAPI document at {@code /openapi}: one JAX-RS resource per
 * subject (recordings, users, groups, app objects, settings, action log, jobs, alarms and more) and the views it
 * returns. The resources, such as {@link RecordingResource}, turn HTTP into calls on the EJB module's services and
 * their results into JSON; the rules (who may see what, what is logged) stay in those services, so the pages and the
 * API apply the same. {@link ApiExceptionMapper} turns what the services throw into an error with the right status and
 * a sentence, never a stack trace; {@link ApiApplication} declares the API. Callers are authenticated before a resource
 * is reached, by {@code io.verbatim.web.security}.
 */
package io.verbatim.web.api;
