package io.verbatim.web.ingest;

import io.verbatim.devices.DeviceCredentials;
import io.verbatim.directory.SignInThrottle;
import io.verbatim.settings.Settings;
import io.verbatim.web.security.BasicCredentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The devices' credentials (uploads and WebDAV) as a guesser meets them: an address refused after repeated failures
 * gets 429 with Retry-After and is not even checked; each failure is counted and logged.
 */
final class DeviceCredentialCheck {

    private static final Logger LOG = Logger.getLogger(DeviceCredentialCheck.class.getName());

    private DeviceCredentialCheck() {
    }

    /**
     * Whether a device may send {@code what} (uploads, CDRs) to {@code tenant}: from the PBX's device networks, and with
     * its device credentials when it has any; when it may not, the 403, 401 or 429 has been sent.
     */
    static boolean admits(Settings settings, DeviceCredentials devices, SignInThrottle throttle, HttpServletRequest request,
                          HttpServletResponse response, String tenant, String what) throws IOException {
        if (!settings.devicesMaySendFrom(tenant, request.getRemoteAddr())) {
            LOG.warning(what + " for " + tenant + " refused with 403: "
                    + request.getRemoteAddr() + " is outside the PBX's device networks");
            CaptureUploadServlet.error(response, 403, what + " for this PBX come from its device networks only (deviceNetworks in its settings)");
            return false;
        }
        return !devices.uploadsNeedCredentials(tenant) || passes(throttle, request, response, tenant,
                c -> devices.acceptsUpload(tenant, c.user(), c.password().toCharArray()),
                what + " need device credentials of this PBX: the pair in its settings, or one of its sites'");
    }

    /**
     * Whether the request's HTTP Basic credentials pass {@code accepted}; when they do not, the 401 (or 429) has been
     * sent.
     */
    static boolean passes(SignInThrottle throttle, HttpServletRequest request, HttpServletResponse response, String pbx,
                          Predicate<BasicCredentials> accepted, String needed) throws IOException {
        String address = request.getRemoteAddr();
        Optional<Instant> refused = throttle.devicesRefusedUntil(address);
        if (refused.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, Duration.between(Instant.now(), refused.get()).toSeconds())));
            CaptureUploadServlet.error(response, 429, "too many wrong device credentials from your address: try again after " + refused.get());
            return false;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.of(request.getHeader("Authorization"));
        if (credentials.filter(c -> !c.user().isEmpty()).filter(accepted).isPresent()) {
            return true;
        }
        if (credentials.isPresent()) { // no credentials at all is a device not set up yet, not a guess
            throttle.deviceFailed(address, pbx, credentials.get().user());
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Verbatim recordings\", charset=\"UTF-8\"");
        CaptureUploadServlet.error(response, 401, needed);
        return false;
    }
}
