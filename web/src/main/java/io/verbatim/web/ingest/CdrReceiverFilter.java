package io.verbatim.web.ingest;

import io.verbatim.callinfo.innovaphone.PbxCdrs;
import io.verbatim.database.ChangedMeanwhile;
import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.devices.DeviceCredentials;
import io.verbatim.directory.SignInThrottle;
import io.verbatim.ingest.IngestService;
import io.verbatim.refusal.Refusal;
import io.verbatim.settings.Settings;
import io.verbatim.tenancy.Tenant;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PBX's CDR interface (CDR0/CDR1 in HTTP mode) at {@code /{pbx}/cdr}: each CDR comes as form data, in a GET's
 * query or as the body of a POST (the same text, perhaps with its leading {@code ?}), the {@code <cdr>} XML in
 * {@code msg}; a bare {@code <cdr>} body is taken too. Devices' rules apply as for uploads: the PBX's device networks
 * and, when set, its device credentials. A CDR that cannot be used answers 400 naming why and is kept with the reason.
 */
@WebFilter(filterName = "CdrReceiver", urlPatterns = "/*")
public class CdrReceiverFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(CdrReceiverFilter.class.getName());
    private static final Pattern CDR_PATH = Pattern.compile("^/([^/]+)/cdr$");
    /** A CDR is about 1 kB; the PBX buffers some 300 kB in all. */
    private static final int MAX_REQUEST = 256 * 1024;

    @Inject
    PbxCdrs cdrs;

    @Inject
    IngestService ingest;

    @Inject
    Settings settings;

    @Inject
    DeviceCredentials devices;

    @Inject
    SignInThrottle throttle;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Matcher path = CDR_PATH.matcher(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        if (!path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("POST")) {
            response.setHeader("Allow", "GET, POST");
            CaptureUploadServlet.error(response, 405, "the CDR interface takes GET or POST");
            return;
        }
        String pbx = path.group(1);
        String sender = request.getRemoteAddr();
        if (fromAWebPage(request)) {
            LOG.warning("CDR for " + pbx + " from " + sender + " refused with 403: sent by a web page (Origin or Sec-Fetch-Site)");
            CaptureUploadServlet.error(response, 403, "CDRs come from the PBX itself, not from a web page");
            return;
        }
        try {
            // the devices' rules first, whether the PBX exists or not (for one that does not: the default pair), so a
            // stranger learns no PBX names and leaves nothing behind
            Optional<String> registered = ingest.registeredName(pbx);
            String tenant = registered.orElse(pbx);
            if (!DeviceCredentialCheck.admits(settings, devices, throttle, request, response, tenant, "CDRs")) {
                return;
            }
            if (registered.isEmpty()) {
                String cdr = readCdr(request, response);
                if (cdr != null) { // kept, as an upload is: a PBX registered late loses no call information
                    refuse(response, 404, Tenant.isName(pbx) ? pbx : null, sender,
                            "no PBX named " + pbx + " is registered: register it (Tenants) or correct the path in the PBX's CDR interface", cdr);
                }
                return;
            }
            String cdr = readCdr(request, response);
            if (cdr == null) {
                return;
            }
            try {
                // a recording it matches may be committing its conversion at that moment: filed again on what is there now
                PbxCdrs.Received received = ChangedMeanwhile.retried(() -> cdrs.receive(tenant, cdr));
                response.setStatus(200);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(Json.createObjectBuilder().add("callIds", Json.createArrayBuilder(received.callIds()))
                        .add("recordingsMatched", received.recordingsMatched()).build().toString());
            } catch (Refusal e) {
                refuse(response, 400, tenant, sender, e.getMessage(), cdr);
            }
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.explains(e)) { // the PBX keeps the CDR and sends it again
                response.setHeader("Retry-After", "60");
                CaptureUploadServlet.error(response, 503, DatabaseUnreachable.messageFor(e));
                return;
            }
            LOG.log(Level.SEVERE, "CDR for " + pbx + " from " + sender + " failed", e);
            CaptureUploadServlet.error(response, 500, "the CDR could not be stored; send it again");
        }
    }

    /**
     * Whether a browser sent it on a web page's behalf (a link or form elsewhere, opened inside the device networks):
     * a PBX sends neither header.
     */
    private static boolean fromAWebPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return request.getHeader("Origin") != null || (site != null && !site.equals("none"));
    }

    /** Answers the refusal and keeps what came with the reason (not for a path that is no PBX name at all). */
    private void refuse(HttpServletResponse response, int status, String pbx, String sender, String reason, String body) throws IOException {
        LOG.warning("CDR for " + pbx + " from " + sender + " refused with " + status + ": " + reason);
        if (pbx != null) {
            cdrs.keepRefused(pbx, sender, reason, body);
        }
        CaptureUploadServlet.error(response, status, reason);
    }

    /**
     * The CDR's XML: {@code msg} of the GET's query or the POST's body (form data), or a bare {@code <cdr>} body; null
     * when the request was too large (answered).
     */
    private static String readCdr(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String form;
        if (request.getMethod().equals("GET")) {
            form = request.getQueryString() == null ? "" : request.getQueryString();
        } else {
            if (request.getContentLengthLong() > MAX_REQUEST) {
                CaptureUploadServlet.error(response, 413, "a CDR request is at most " + MAX_REQUEST + " bytes");
                return null;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_REQUEST + 1);
            if (body.length > MAX_REQUEST) {
                CaptureUploadServlet.error(response, 413, "a CDR request is at most " + MAX_REQUEST + " bytes");
                return null;
            }
            form = new String(body, StandardCharsets.UTF_8).strip();
            if (form.startsWith("<")) {
                return form;
            }
        }
        String msg = fields(form).get("msg");
        return msg == null ? "" : msg;
    }

    /** Form data as innovaphone sends it: {@code name=value} pairs joined by {@code &}, URL-encoded, maybe after a {@code ?}. */
    static Map<String, String> fields(String form) {
        Map<String, String> fields = new HashMap<>();
        String text = form.startsWith("?") ? form.substring(1) : form;
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    fields.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return fields;
    }
}
