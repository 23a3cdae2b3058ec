/**
 * The database as a whole rather than any table in it: the schema brought up to date at start, commits made durable
 * before a device is told its upload is stored, and a lost connection told apart from other errors.
 * {@link SchemaMigration} runs the Flyway migrations ({@code db/migration}) before the other startup beans;
 * {@link DurableCommits} syncs commits on the embedded H2 (PostgreSQL does so at every commit);
 * {@link DatabaseUnreachable} lets callers answer 503 "try again shortly" instead of an internal error;
 * {@link ChangedMeanwhile} tells a row changed by another transaction meanwhile, and does such work again. It uses no
 * other Verbatim package; entities and queries live in the package that owns their data.
 */
package io.verbatim.database;
