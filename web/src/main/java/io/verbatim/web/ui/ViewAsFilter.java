package io.verbatim.web.ui;

import io.verbatim.caller.CallerRequest;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Carries an administrator's "view as" from the session into each request, where the access rule reads it. */
@WebFilter(urlPatterns = {"/app/*", "/api/*"})
public class ViewAsFilter extends HttpFilter {

    static final String SESSION_ATTRIBUTE = "verbatim.viewingAs";

    @Inject
    CallerRequest callerRequest;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String username) {
            callerRequest.setViewingAs(username);
        }
        chain.doFilter(request, response);
    }
}
