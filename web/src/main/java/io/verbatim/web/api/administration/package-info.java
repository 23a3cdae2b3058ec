/**
 * What administrators (and the operator) run through the API: users, groups, app objects, API tokens, PBXs, licences,
 * device credentials, settings (whose OpenAPI schemas {@link io.verbatim.web.api.administration.SettingsSchemas} makes
 * from their declarations), jobs, alarms and the quarantine of refused uploads.
 */
package io.verbatim.web.api.administration;
