package io.verbatim.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every answer carries, so a browser neither frames our pages on another site (clickjacking), nor guesses a
 * type other than the one sent (an uploaded file shown as a page), nor tells other sites our URLs (recording ids).
 * With {@code VERBATIM_HTTPS_ONLY=true} every plain-HTTP request is sent to HTTPS (308, which keeps a device's PUT a
 * PUT) and HTTPS answers carry HSTS; without it both stay open (a self-signed trial must not pin browsers to HTTPS).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    @Inject
    @ConfigProperty(name = "verbatim.https.only", defaultValue = "false")
    boolean httpsOnly;

    /** The HTTPS port (8443 and the scripts' offset). */
    @Inject
    @ConfigProperty(name = "verbatim.https.port", defaultValue = "8443")
    int httpsPort;

    @Inject
    PublicAddress address;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // health probes stay on plain HTTP: a load balancer checks from inside, often without TLS
        boolean probe = request.getRequestURI().startsWith(request.getContextPath() + "/health");
        if (httpsOnly && !request.isSecure() && !probe && request.getDispatcherType() == DispatcherType.REQUEST) {
            String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String https = address.isHttps() ? address.of(path)
                    : "https://" + request.getServerName() + (httpsPort == 443 ? "" : ":" + httpsPort) + path;
            response.setStatus(308);
            response.setHeader("Location", https);
            return;
        }
        if (httpsOnly) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
