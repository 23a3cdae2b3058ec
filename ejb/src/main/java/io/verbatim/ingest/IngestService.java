package io.verbatim.ingest;

import io.verbatim.callinfo.CallRecords;
import io.verbatim.media.CaptureFormat;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingReceived;
import io.verbatim.settings.Settings;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.StagedFile;
import io.verbatim.storage.Staging;
import io.verbatim.storage.TooLargeException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * Takes an uploaded capture from the wire to the catalog: streamed to staging and synced, stored under its
 * SHA-256, then catalogued in one transaction. A crash before the row commits leaves no recording and the
 * device, which got no 201, sends again; the stored blob then simply matches.
 */
@Stateless
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class.getName());

    private static final Pattern PBX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Inject
    CallRecords callRecords;

    @PersistenceContext
    EntityManager em;

    @Inject
    Staging staging;

    @Inject
    BlobStore blobs;

    @Inject
    Quarantine quarantine;

    @Inject
    Settings settings;

    @Inject
    Event<RecordingReceived> received;

    @Resource
    SessionContext context;

    /**
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     * @throws CaptureRejectedException the name or the bytes are not a capture (400)
     * @throws TooLargeException the body is over the configured limit (413)
     * @throws CaptureConflictException that name exists with other bytes (409)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // no transaction open while bytes stream in
    public IngestOutcome receive(String pbx, String fileName, InputStream body, long declaredLength) throws IOException {
        LOG.fine(() -> "Receiving " + pbx + "/" + fileName + " (" + (declaredLength < 0 ? "length not declared" : declaredLength + " bytes") + ")");
        if (pbx == null || !PBX.matcher(pbx).matches()) {
            throw new CaptureRejectedException("PBX name must be 1-100 letters, digits, '.', '_' or '-'");
        }
        CaptureName name;
        try {
            name = CaptureName.parse(fileName);
        } catch (IllegalArgumentException e) {
            throw new CaptureRejectedException(e.getMessage());
        }
        long limit = settings.maxCaptureBytes();
        if (declaredLength > limit) {
            throw new TooLargeException(limit);
        }
        StagedFile staged = staging.receive(body, limit);
        try {
            CaptureFormat format = CaptureFormat.detect(staged.head(), staged.head().length);
            if (format == null) {
                String reason = staged.size() == 0 ? "body is empty, expected a pcap or pcapng capture"
                        : "body is not a pcap or pcapng capture (starts with 0x"
                        + HexFormat.of().formatHex(staged.head(), 0, Math.min(8, staged.head().length)) + ")";
                quarantine.keep(pbx, fileName, staged, reason);
                throw new CaptureRejectedException(reason);
            }
            Optional<Recording> existing = findByName(pbx, fileName);
            if (existing.isPresent()) {
                Recording r = existing.get();
                if (r.getOriginalSha256().equals(staged.sha256())) {
                    return new IngestOutcome(r.getId(), false);
                }
                String reason = "a recording named " + fileName + " already exists with different content (recording "
                        + r.getId() + ")";
                quarantine.keep(pbx, fileName, staged, reason);
                throw new CaptureConflictException(reason);
            }
            String key = blobs.put(staged.path(), staged.sha256());
            try {
                long id = context.getBusinessObject(IngestService.class).catalogue(pbx, fileName, name, staged, key);
                return new IngestOutcome(id, true);
            } catch (EJBException notCatalogued) {
                return afterFailedCatalogue(pbx, fileName, staged, key, notCatalogued);
            }
        } finally {
            Files.deleteIfExists(staged.path());
        }
    }

    /** The catalog row for a stored original, in one transaction; conversion is asked for once it commits. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long catalogue(String pbx, String fileName, CaptureName name, StagedFile staged, String key) {
        Recording r = new Recording(pbx, fileName, name.callId(), name.device(), name.serial(), name.owner(),
                Instant.now(), key, staged.size(), staged.sha256());
        callRecords.assignOwner(r); // its call's record may have come first
        em.persist(r);
        em.flush();
        received.fire(new RecordingReceived(r.getId()));
        return r.getId();
    }

    /**
     * The row did not commit, and the bytes are in the store already: keep them and say why. Mostly another upload
     * of the same name won the race between our look for that name and our insert: the same upload sent twice at
     * once (then this one is that recording too), or other bytes (a conflict, as when the name was there before).
     */
    private IngestOutcome afterFailedCatalogue(String pbx, String fileName, StagedFile staged, String key,
                                               EJBException failure) {
        Optional<Recording> winner = findByName(pbx, fileName);
        if (winner.isPresent() && winner.get().getOriginalSha256().equals(staged.sha256())) {
            return new IngestOutcome(winner.get().getId(), false);
        }
        String reason = winner.isPresent()
                ? "a recording named " + fileName + " was stored at the same moment with different content (recording "
                        + winner.get().getId() + ")"
                : "the catalog refused the recording: " + rootCause(failure);
        quarantine.keepStored(pbx, fileName, staged, key, reason);
        if (winner.isPresent()) {
            throw new CaptureConflictException(reason);
        }
        throw failure;
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private Optional<Recording> findByName(String pbx, String fileName) {
        return em.createQuery("select r from Recording r where r.pbx = :pbx and r.fileName = :name", Recording.class)
                .setParameter("pbx", pbx).setParameter("name", fileName)
                .getResultStream().findFirst();
    }
}
