package io.verbatim.web.monitoring;

import io.verbatim.caller.Caller;
import io.verbatim.metrics.Meters;
import io.verbatim.web.security.VerbatimAuthentication;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The server's measurements in the Prometheus text format, for an administrator or the monitoring token (web.xml
 * and {@code VerbatimAuthentication} decide who; Prometheus sends either as {@code authorization} credentials).
 */
@WebServlet(name = "Metrics", urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    Meters meters;

    @Inject
    Caller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.inRole(VerbatimAuthentication.METRICS_READER) && !caller.isOperator()) {
            response.setStatus(403);
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("the server's measurements are the operator's: sign in as the operator or use VERBATIM_METRICS_TOKEN\n");
            return;
        }
        response.setContentType("text/plain; version=0.0.4");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(meters.scrape());
    }
}
