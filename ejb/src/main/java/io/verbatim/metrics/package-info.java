/**
 * The server's measurements: one Micrometer registry, read as Prometheus text at {@code /metrics} (served by
 * {@code io.verbatim.web.monitoring}). {@link Meters} is its only class: each package records its own events through it
 * (uploads answered, conversions ended, action-log entries appended) and registers gauges for what it owns, named
 * {@code verbatim_…}, beside the JVM's from Micrometer's binders. It uses no other Verbatim package.
 */
package io.verbatim.metrics;
