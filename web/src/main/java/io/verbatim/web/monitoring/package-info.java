/**
 * The endpoints monitoring systems call: {@code /health}, {@code /health/live} and {@code /health/ready} for load
 * balancers and orchestrators, without signing in, and {@code /metrics} in the Prometheus text format.
 * {@link HealthServlet} runs the {@code @Liveness} and {@code @Readiness} checks of {@code io.verbatim.health} with
 * SmallRye Health here in the WAR, because WildFly's health subsystem does not find checks in an EAR's modules;
 * {@link MetricsServlet} writes the registry of {@code io.verbatim.metrics} for an administrator or the monitoring
 * token. What is measured or checked belongs in those two EJB packages; this one only serves it.
 */
package io.verbatim.web.monitoring;
