package io.verbatim.web.ingest;

import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.ingest.CaptureConflictException;
import io.verbatim.ingest.CaptureRejectedException;
import io.verbatim.ingest.IngestOutcome;
import io.verbatim.ingest.IngestService;
import io.verbatim.metrics.Meters;
import io.verbatim.settings.Settings;
import io.verbatim.storage.InsufficientStorageException;
import io.verbatim.storage.TooLargeException;
import io.verbatim.web.security.BasicCredentials;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    Meters meters;

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = UPLOAD_PATH.matcher(request.getServletPath());
        if (!path.matches()) {
            error(response, 404, "uploads go to /{pbx}/recordings/Files/{name}.pcap");
            return;
        }
        String pbx = path.group(1);
        String fileName = path.group(2);
        try {
            if (settings.uploadsNeedCredentials(pbx) && !credentialsAccepted(pbx, request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Verbatim upload\", charset=\"UTF-8\"");
                error(response, 401, "upload needs the WebDAV credentials configured in this PBX's settings");
                return;
            }
            IngestOutcome outcome = ingest.receive(pbx, fileName, request.getInputStream(), request.getContentLengthLong());
            String location = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                    + request.getContextPath() + "/api/v1/recordings/" + outcome.recordingId();
            response.setStatus(outcome.created() ? 201 : 200);
            meters.uploadAnswered(outcome.created() ? "created" : "duplicate", outcome.created() ? outcome.size() : 0);
            response.setHeader("Location", location);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("id", outcome.recordingId()).add("created", outcome.created()).build().toString());
        } catch (CaptureRejectedException e) {
            meters.uploadAnswered("rejected", 0);
            error(response, 400, e.getMessage());
        } catch (TooLargeException e) {
            meters.uploadAnswered("too_large", 0);
            error(response, 413, e.getMessage());
        } catch (CaptureConflictException e) {
            meters.uploadAnswered("conflict", 0);
            error(response, 409, e.getMessage());
        } catch (InsufficientStorageException e) {
            meters.uploadAnswered("disk_full", 0);
            response.setHeader("Retry-After", "300");
            error(response, 507, e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.explains(e)) { // a 201 needs the catalog: the device keeps the call and sends it again
                meters.uploadAnswered("database_unreachable", 0);
                LOG.warning("Upload of " + pbx + "/" + fileName + " refused with 503: the database is not reachable");
                response.setHeader("Retry-After", "60");
                error(response, 503, DatabaseUnreachable.MESSAGE);
                return;
            }
            meters.uploadAnswered("error", 0);
            LOG.log(Level.SEVERE, "Upload of " + pbx + "/" + fileName + " failed", e);
            error(response, 500, "the upload could not be stored; send it again");
        }
    }

    private boolean credentialsAccepted(String pbx, String authorization) {
        return BasicCredentials.of(authorization)
                .filter(c -> !c.user().isEmpty() && settings.acceptsUploadCredentials(pbx, c.user(), c.password().toCharArray()))
                .isPresent();
    }

    /** A refusal as the devices' endpoints answer it: the status and a JSON message naming the problem. */
    static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("status", status).add("message", message).build().toString());
    }
}
