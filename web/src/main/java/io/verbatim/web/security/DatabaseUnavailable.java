package io.verbatim.web.security;

import io.verbatim.database.DatabaseUnreachable;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Pages and calls that fail because the database is away answer 503 with Retry-After and a message saying so (a
 * page for browsers, JSON for the API and devices), instead of an error page with a stack trace; once the database
 * answers again (the pool replaces its broken connections) they work again by themselves.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseUnavailable extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnreachable.explains(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(request.getMethod() + " " + request.getRequestURI() + " answered 503: the database is not reachable");
            answer(request, response);
        }
    }

    /** The 503 itself: HTML for a browser's page, JSON for everything else. */
    static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(503);
        response.setHeader("Retry-After", "60");
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html") && !"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                    + " content=\"width=device-width\"><title>Verbatim: database not reachable</title></head><body"
                    + " style=\"font-family:sans-serif;margin:3rem\"><h1>Verbatim cannot reach its database</h1><p>Recordings are"
                    + " safe; nothing was changed. This page works again by itself once the database answers: try again in a"
                    + " minute.</p></body></html>");
        } else {
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder().add("status", 503).add("error", "Service Unavailable")
                    .add("message", DatabaseUnreachable.MESSAGE).build().toString());
        }
        response.flushBuffer(); // committed: the container's error page for the status must not replace it
    }
}
