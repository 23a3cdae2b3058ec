/**
 * What a compliance officer asks of the API: the hash-chained action log, its verification and its PDF exports, and
 * the check of a recording's seal.
 */
package io.verbatim.web.api.compliance;
