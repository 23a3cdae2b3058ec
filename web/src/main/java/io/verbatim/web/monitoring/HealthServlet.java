package io.verbatim.web.monitoring;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a load balancer or an orchestrator probes, without signing in: {@code /health/live} (restart me if down),
 * {@code /health/ready} (send me traffic) and {@code /health} (both), as MicroProfile Health JSON, 200 when up and
 * 503 when down. The checks are the application's {@code @Liveness} and {@code @Readiness} beans, run by SmallRye
 * Health here in the WAR (WildFly's health subsystem does not find checks in an EAR's modules).
 */
@WebServlet(name = "Health", urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    @Inject
    SmallRyeHealthReporter reporter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String probe = request.getPathInfo() == null ? "/" : request.getPathInfo();
        SmallRyeHealth health = switch (probe) {
            case "/", "" -> reporter.getHealth();
            case "/live" -> reporter.getLiveness();
            case "/ready" -> reporter.getReadiness();
            case "/started" -> reporter.getStartup();
            default -> null;
        };
        if (health == null) {
            response.sendError(404, "health probes are /health/live, /health/ready, /health/started and /health");
            return;
        }
        response.setStatus(health.isDown() ? 503 : 200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        reporter.reportHealth(response.getOutputStream(), health);
    }
}
