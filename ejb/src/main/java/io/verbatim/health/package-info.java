/**
 * Whether this node should get traffic or be restarted, as a load balancer or orchestrator asks (MicroProfile Health),
 * and the gauges of the server's condition that no single package owns. {@link DatabaseReadiness} (the database
 * answers, the schema is current) and {@link StorageReadiness} (the data folder takes a file and has room above the
 * reserve) decide readiness; {@link ConversionLiveness} fails when no conversion worker is left, which only a restart
 * mends. It reads {@code io.verbatim.database}, {@code io.verbatim.storage} and {@code io.verbatim.conversion}, and
 * registers disk and call-information gauges with {@code io.verbatim.metrics}. The checks are served at {@code /health}
 * by {@code io.verbatim.web.monitoring}; the Health page's lamps and alarms are {@code io.verbatim.alarm}'s.
 */
package io.verbatim.health;
