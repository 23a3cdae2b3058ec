package io.verbatim.web.security;

import io.verbatim.caller.Caller;
import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.directory.Directory;
import io.verbatim.directory.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How people and systems prove who they are: pages by the login form (then the HTTP session), the REST API by
 * HTTP Basic or a per-user API token ({@code Bearer}) on each request (or the session of a signed-in browser, so the page's player can fetch audio).
 * Unauthenticated API calls get 401, unauthenticated page views go to the login page.
 */
@ApplicationScoped
public class VerbatimAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(VerbatimAuthentication.class.getName());

    static final String API_PREFIX = "/api/";
    static final String METRICS = "/metrics";
    /** The group of whoever presents the monitoring token: it may read {@code /metrics} and nothing else. */
    public static final String METRICS_READER = "METRICS";
    static final String LOGIN_PAGE = "/login.xhtml";
    static final String REALM = "Verbatim";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Directory directory;

    @Inject
    SignIn signIn;

    @Inject
    Caller caller;

    /** A secret for Prometheus ({@code VERBATIM_METRICS_TOKEN}), so that scraping needs no administrator's credentials. */
    @Inject
    @ConfigProperty(name = "verbatim.metrics.token")
    Optional<String> metricsToken;

    /** While the database is away no account can be checked: say so (503), rather than a stack trace or a 401. */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.explains(e)) {
                throw e;
            }
            try {
                DatabaseUnavailable.answer(request, response);
            } catch (java.io.IOException clientGone) {
                LOG.fine(() -> "Could not answer 503 to " + request.getRemoteAddr() + ": " + clientGone);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        caller.from(request.getRemoteAddr()); // first thing, so that sign-in failures say where they came from too
        LOG.finest(() -> request.getMethod() + " " + request.getRequestURI() + " from " + request.getRemoteAddr());
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return formLogin(request, credential, context);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean metrics = path.equals(METRICS);
        boolean api = path.startsWith(API_PREFIX) || metrics;
        String authorization = request.getHeader("Authorization");
        if (metrics && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && isMetricsToken(authorization.substring(7).trim())) {
            return signedIn(context, "monitoring", null, Set.of(METRICS_READER));
        }
        if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            LOG.fine(() -> "HTTP Basic sign-in from " + request.getRemoteAddr() + " for " + request.getRequestURI());
            return basic(authorization, request, response, context);
        }
        if (api && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            CredentialValidationResult result = identityStores.validate(new ApiTokenCredential(authorization.substring(7).trim()));
            return result.getStatus() == CredentialValidationResult.Status.VALID ? signedIn(context, result)
                    : unauthorized(request, response, "invalid, expired or revoked API token");
        }
        HttpSession session = request.getSession(false);
        String ended = null;
        if (session != null && session.getAttribute(SignedIn.SESSION_ATTRIBUTE) instanceof SignedIn signedIn) {
            // the account as it is now, not as it was at sign-in: deactivation, a new role or password ends the session
            if (signIn.sessionStamp(signedIn.username()).filter(signedIn.stamp()::equals).isPresent()) {
                if (session.getAttribute(SignedIn.VIEWING_AS) instanceof String username) {
                    caller.viewAs(username);
                }
                return signedIn(context, signedIn.username(), signedIn.tenant(), signedIn.groups());
            }
            LOG.info(() -> "Session of " + signedIn.username() + " ended: the account was deactivated or its role, PBX or password changed");
            session.invalidate();
            ended = "your session ended: your account was changed; sign in again";
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return unauthorized(request, response, ended != null ? ended : "authentication required (HTTP Basic or Bearer API token)");
        }
        String target = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private boolean isMetricsToken(String presented) {
        return metricsToken.filter(token -> !token.isBlank())
                .map(token -> MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, Credential credential, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.changeSessionId(); // a fresh id after login: no session fixation
        String username = result.getCallerPrincipal().getName();
        SignedIn signedIn = new SignedIn(username, directory.tenantOf(username), Set.copyOf(result.getCallerGroups()),
                signIn.sessionStamp(username).orElse(""));
        request.getSession().setAttribute(SignedIn.SESSION_ATTRIBUTE, signedIn);
        signIn.signedIn(username);
        return signedIn(context, username, signedIn.tenant(), signedIn.groups());
    }

    private AuthenticationStatus basic(String authorization, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        Optional<BasicCredentials> credentials = BasicCredentials.of(authorization);
        if (credentials.isEmpty()) {
            return unauthorized(request, response, "malformed HTTP Basic credentials");
        }
        String username = credentials.get().user();
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, credentials.get().password()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(request, response, failureMessage(username));
        }
        return signedIn(context, result);
    }

    /** A request proved who it is from: the container learns it, and so does every capability ({@link Caller}). */
    private AuthenticationStatus signedIn(HttpMessageContext context, String name, String tenant, Set<String> groups) {
        caller.signedIn(name, tenant, groups);
        return context.notifyContainerAboutLogin(name, new HashSet<>(groups));
    }

    private AuthenticationStatus signedIn(HttpMessageContext context, CredentialValidationResult result) {
        String name = result.getCallerPrincipal().getName();
        return signedIn(context, name, directory.tenantOf(name), result.getCallerGroups());
    }

    /** Why a sign-in failed, as far as it can be told without saying whether the user exists or the password was near. */
    String failureMessage(String username) {
        return signIn.lockedUntil(username) // the same for any name, existing or not
                .map(until -> "sign-in from your address refused after repeated failures until " + until.truncatedTo(ChronoUnit.SECONDS))
                .orElse("invalid username or password");
    }

    /**
     * 401 with the reason. The container then sends its 401 error page, {@link Unauthorized}, which writes the JSON
     * answer: a body written here would commit the response first, and the container would log its own attempt to
     * send the error as a failure, stack trace and all, at every wrong password.
     */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response, String message) {
        request.setAttribute(Unauthorized.REASON, message);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return AuthenticationStatus.SEND_FAILURE;
    }
}
