package io.verbatim.web.ingest;

import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.devices.DeviceCredentials;
import io.verbatim.directory.SignInThrottle;
import io.verbatim.ingest.IngestOutcome;
import io.verbatim.ingest.IngestService;
import io.verbatim.ingest.UnknownPbxException;
import io.verbatim.metrics.Meters;
import io.verbatim.refusal.Refusal;
import io.verbatim.settings.Settings;
import io.verbatim.storage.InsufficientStorageException;
import io.verbatim.storage.StorageUnreachableException;
import io.verbatim.storage.TooLargeException;
import io.verbatim.web.api.ApiError;
import io.verbatim.web.security.PublicAddress;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recording devices' upload: {@code PUT /{pbx}/recordings/Files/{name}.pcap}, as innovaphone phones and
 * gateways send it ("Record to URL"), optionally with the WebDAV credentials from the settings.
 */
@WebServlet(name = "CaptureUpload", urlPatterns = "*.pcap")
public class CaptureUploadServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CaptureUploadServlet.class.getName());
    private static final Pattern UPLOAD_PATH = Pattern.compile("^/([^/]+)/recordings/Files/([^/]+)$");

    @Inject
    IngestService ingest;

    @Inject
    Settings settings;

    @Inject
    DeviceCredentials devices;

    @Inject
    Meters meters;

    @Inject
    PublicAddress address;

    @Inject
    SignInThrottle throttle;

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = UPLOAD_PATH.matcher(request.getServletPath());
        if (!path.matches()) {
            error(response, 404, "uploads go to /{pbx}/recordings/Files/{name}.pcap");
            return;
        }
        String fileName = path.group(2);
        String pbx = path.group(1);
        try {
            // its credentials first, whether the PBX exists or not (for one that does not: the default pair), so a
            // stranger learns no PBX names and leaves nothing behind
            String tenant = ingest.registeredName(pbx).orElse(pbx);
            if (!DeviceCredentialCheck.admits(settings, devices, throttle, request, response, tenant, "uploads")) {
                if (response.getStatus() == 403) {
                    meters.uploadAnswered("refused_network", 0);
                }
                return;
            }
            pbx = ingest.admit(tenant, true); // a new PBX is registered by an upload that passed
            IngestOutcome outcome = ingest.receive(pbx, fileName, request.getInputStream(), request.getContentLengthLong());
            String location = address.of(request.getContextPath() + "/api/v1/recordings/" + outcome.recordingId());
            response.setStatus(outcome.created() ? 201 : 200);
            meters.uploadAnswered(outcome.created() ? "created" : "duplicate", outcome.created() ? outcome.size() : 0);
            response.setHeader("Location", location);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("id", outcome.recordingId()).add("created", outcome.created()).build().toString());
        } catch (UnknownPbxException e) {
            meters.uploadAnswered("unknown_pbx", 0);
            LOG.warning("Upload of " + pbx + "/" + fileName + " from " + request.getRemoteAddr() + " refused with 404: no such PBX registered");
            try { // the bytes stay, with the reason, for the operator (Quarantine): a PBX registered late loses no call
                ingest.keepUnadmitted(pbx, fileName, request.getInputStream(), request.getContentLengthLong(), e.getMessage());
            } catch (TooLargeException | InsufficientStorageException | StorageUnreachableException notKept) {
                LOG.warning("The refused upload " + pbx + "/" + fileName + " was not kept: " + notKept.getMessage());
            }
            error(response, 404, e.getMessage());
        } catch (Refusal e) { // too large, malformed, a name taken with other bytes, the disk's reserve reached, storage away
            meters.uploadAnswered(switch (e.kind()) {
                case INVALID -> "rejected";
                case TOO_LARGE -> "too_large";
                case CONFLICT -> "conflict";
                case NO_SPACE -> "disk_full";
                default -> e.kind().name().toLowerCase(Locale.ROOT);
            }, 0);
            if (e.kind() == Refusal.Kind.NO_SPACE) {
                response.setHeader("Retry-After", "300");
            } else if (e.kind() == Refusal.Kind.UNAVAILABLE) { // the object storage away: the device keeps the call
                LOG.warning("Upload of " + pbx + "/" + fileName + " refused with 503: " + e.getMessage());
                response.setHeader("Retry-After", "60");
            }
            error(response, ApiError.statusOf(e.kind()), e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.explains(e)) { // a 201 needs the catalog: the device keeps the call and sends it again
                meters.uploadAnswered("database_unreachable", 0);
                LOG.warning("Upload of " + pbx + "/" + fileName + " refused with 503: the database is not reachable");
                response.setHeader("Retry-After", "60");
                error(response, 503, DatabaseUnreachable.messageFor(e));
                return;
            }
            meters.uploadAnswered("error", 0);
            LOG.log(Level.SEVERE, "Upload of " + pbx + "/" + fileName + " failed", e);
            error(response, 500, "the upload could not be stored; send it again");
        }
    }

    /** A refusal as the devices' endpoints answer it: the status and a JSON message naming the problem. */
    static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("status", status).add("message", message).build().toString());
    }
}
