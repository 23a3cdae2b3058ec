package io.verbatim.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Cross-site request forgery: a request that changes something and is signed in only by the browser's session
 * cookie must come from our own pages, which the browser tells by its {@code Origin} (or, lacking it, {@code Referer})
 * header: the host and port the request was sent to, or those of {@code VERBATIM_PUBLIC_URL}. One signed in with HTTP
 * Basic may come without them (scripts, devices), but not from another site: a browser that once answered our Basic
 * prompt sends those credentials along with another site's form, and tells so by {@code Origin} or
 * {@code Sec-Fetch-Site}. Anything else is refused with 403 before it reaches a page or resource. API tokens
 * ({@code Bearer}) are never sent by a browser on its own and are not checked.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CrossSiteRequests extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(CrossSiteRequests.class.getName());
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    PublicAddress address;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        boolean bySessionCookie = request.getUserPrincipal() != null && authorization == null;
        boolean byBasic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean changing = !SAFE.contains(request.getMethod());
        if (changing && ((bySessionCookie && !fromOurPages(request)) || (byBasic && fromAnotherSite(request)))) {
            LOG.warning(request.getMethod() + " " + request.getRequestURI() + " by " + request.getUserPrincipal().getName()
                    + " refused: sent from " + Optional.ofNullable(request.getHeader("Origin")).orElse(request.getHeader("Referer"))
                    + ", not from Verbatim's pages");
            ErrorAnswer.send(request, response, 403, "refused: a change signed in by the session cookie must come from"
                    + " Verbatim's own pages (its Origin was another site or none); API clients sign in with Basic or a token");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a browser says the request comes from another site's page (a script or device says nothing). */
    private boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        return (request.getHeader("Origin") != null || request.getHeader("Referer") != null) && !fromOurPages(request);
    }

    private boolean fromOurPages(HttpServletRequest request) {
        String from = request.getHeader("Origin");
        if (from == null || from.equals("null")) {
            from = request.getHeader("Referer");
        }
        if (from == null) {
            return false;
        }
        Optional<String> sender = authority(from);
        if (sender.isEmpty()) {
            return false;
        }
        return sameSite(from, request.getHeader("Host")) || address.authority().filter(sender.get()::equalsIgnoreCase).isPresent();
    }

    /** Whether a browser's {@code Origin} names the host (and port) a request was sent to. */
    public static boolean sameSite(String origin, String host) {
        return origin != null && host != null && authority(origin).filter(host::equalsIgnoreCase).isPresent();
    }

    /** {@code host[:port]} of a URL as a Host header names it (no port when it is the scheme's default). */
    static Optional<String> authority(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean usual = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                    || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
            String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
            return Optional.of(usual ? host : host + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
