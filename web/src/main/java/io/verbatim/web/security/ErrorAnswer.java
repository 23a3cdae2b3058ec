package io.verbatim.web.security;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error pages (web.xml) for what the container answers itself, and the refusals of our filters: a status with a
 * sentence saying what happened, as JSON for the API and devices and as a small page for a browser, never a stack
 * trace, class or version. An exception nobody handled is logged here once, in full, for the operator.
 */
@WebServlet(name = "ErrorAnswer", urlPatterns = "/error")
public class ErrorAnswer extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorAnswer.class.getName());

    private static final Map<Integer, String> SAID = Map.of(
            400, "the request is malformed",
            403, "you may not open this",
            404, "there is nothing here",
            405, "this method is not allowed here",
            500, "the server failed on this request; the operator finds it in the server log",
            503, "the server cannot answer now; try again in a minute");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status instanceof Integer i ? i : 500;
        if (failure != null) {
            LOG.log(Level.SEVERE, request.getMethod() + " " + uri + " failed", failure);
        }
        send(request, response, code, SAID.getOrDefault(code, "the request could not be answered"));
    }

    /** Answers {@code status} with {@code message}: a page for a browser's page view, JSON for everything else. */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) { // half an answer went out (a stream broke off): nothing can be added to it
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI); // on an error dispatch, the request's own
        String path = (failed instanceof String uri ? uri : request.getRequestURI()).substring(request.getContextPath().length());
        boolean page = accept != null && accept.contains("text/html") && !path.startsWith(VerbatimAuthentication.API_PREFIX)
                && !"partial/ajax".equals(request.getHeader("Faces-Request"));
        if (page) {
            response.setContentType("text/html");
            String root = request.getContextPath();
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                    + " content=\"width=device-width, initial-scale=1\"><title>" + heading(status) + " · Verbatim</title>"
                    + "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + root + "/favicon.svg\"></head>"
                    + "<body style=\"margin:0;font-family:system-ui,sans-serif;background:#f5f7fa;color:#1f2937\">"
                    + "<header style=\"background:#1e3a5f;color:#fff;padding:.6rem 1.5rem;font-weight:700;font-size:1.2rem\">Verbatim</header>"
                    + "<main style=\"padding:2rem 1.5rem;max-width:40rem\"><p style=\"color:#6b7280;margin:0\">Error " + status + "</p>"
                    + "<h1 style=\"margin:.3rem 0 1rem\">" + heading(status) + "</h1><p>"
                    + escape(Character.toUpperCase(message.charAt(0)) + message.substring(1)) + ".</p>"
                    + "<p><a href=\"" + root + "/app/recordings.xhtml\">Recordings</a> · <a href=\"" + root + "/login.xhtml\">Sign in</a></p>"
                    + "</main></body></html>");
        } else {
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder().add("status", status).add("message", message).build().toString());
        }
        response.flushBuffer();
    }

    private static String heading(int status) {
        return switch (status) {
            case 403 -> "Not for you";
            case 404 -> "Not found";
            default -> status >= 500 ? "Something failed" : "Not possible";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
