package io.verbatim.web.security;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The 401 error page (web.xml): the JSON answer to a request that could not be authenticated, with the reason
 * {@link VerbatimAuthentication} found. Any method reaches it, as the request that failed.
 */
@WebServlet(name = "Unauthorized", urlPatterns = "/unauthorized")
public class Unauthorized extends HttpServlet {

    static final String REASON = Unauthorized.class.getName() + ".reason";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object reason = request.getAttribute(REASON);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("status", 401).add("error", "Unauthorized")
                .add("message", reason == null ? "authentication required" : reason.toString()).build().toString());
    }
}
