package io.verbatim.ingest;

import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.database.DurableCommits;
import io.verbatim.media.CaptureConverter;
import io.verbatim.recording.Recording;
import io.verbatim.settings.Settings;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.DiskSpace;
import io.verbatim.storage.InsufficientStorageException;
import io.verbatim.storage.StagedFile;
import io.verbatim.storage.Staging;
import io.verbatim.storage.TooLargeException;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.Tenants;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes an uploaded capture from the wire to the catalog: streamed to staging and synced, stored under its
 * SHA-256, noted in an intake receipt, then catalogued in one transaction made durable before the device is
 * answered. A crash before the row commits leaves the stored original and its receipt, from which it is catalogued
 * again at the next start ({@link IntakeRecovery}); the device, which got no 201, may send it again and gets 200.
 */
@Stateless
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class.getName());

    @Inject
    Tenants tenants;

    private static final Object REGISTERING = new Object();

    @Inject
    CaptureCatalogue catalogue;

    @Inject
    IntakeReceipts receipts;

    @Inject
    DurableCommits commits;

    @Inject
    Staging staging;

    @Inject
    BlobStore blobs;

    @Inject
    Quarantine quarantine;

    @Inject
    Settings settings;

    @Inject
    DiskSpace space;

    /** The PBX an upload names as registered (names compare without case), if it is; nothing is registered here. */
    public Optional<String> registeredName(String pbx) {
        return !Tenant.isName(pbx) ? Optional.empty() : tenants.registered(pbx);
    }

    /**
     * The PBX an upload names, as registered (names compare without case); one nobody registered is admitted while
     * registration on first upload is on, and registered when {@code registering} (once its credentials passed).
     *
     * @throws CaptureRejectedException the name is no PBX name (400)
     * @throws UnknownPbxException nobody registered it and registration on first upload is off (404)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String admit(String pbx, boolean registering) {
        if (!Tenant.isName(pbx)) {
            throw new CaptureRejectedException(Tenant.NAME_RULE);
        }
        Optional<String> registered = tenants.registered(pbx);
        if (registered.isPresent()) {
            return registered.get();
        }
        synchronized (REGISTERING) { // a burst for a new PBX decides and registers it once here; across nodes, the unique name
            // whether it is registered and whether any is, from one read of the registry: asked apart, a cold burst once
            // had 5 of 200 uploads refused 404 right after its first registered the PBX (the count saw the new row, the
            // name did not)
            List<String> registry = tenants.registeredNames();
            registered = registry.stream().filter(pbx::equalsIgnoreCase).findFirst();
            if (registered.isPresent()) {
                return registered.get();
            }
            if (!settings.registersPbxOnUpload(registry.isEmpty())) {
                throw new UnknownPbxException(pbx);
            }
            if (!registering) {
                return pbx;
            }
            try {
                return tenants.registerFromUpload(pbx);
            } catch (RuntimeException raced) { // registered by another node at the same moment: its row is the one
                return tenants.registered(pbx).orElseThrow(() -> raced);
            }
        }
    }

    /**
     * @param pbx as {@link #admit} gave it
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     * @throws CaptureRejectedException the name or the bytes are not a capture (400)
     * @throws TooLargeException the body is over the configured limit (413)
     * @throws CaptureConflictException that name exists with other bytes (409)
     * @throws InsufficientStorageException the disk's free space is at its reserve (507); nothing was kept
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // no transaction open while bytes stream in
    public IngestOutcome receive(String pbx, String fileName, InputStream body, long declaredLength) throws IOException {
        LOG.fine(() -> "Receiving " + pbx + "/" + fileName + " (" + (declaredLength < 0 ? "length not declared" : declaredLength + " bytes") + ")");
        if (!Tenant.isName(pbx)) {
            throw new CaptureRejectedException(Tenant.NAME_RULE);
        }
        try {
            CaptureName.parse(fileName);
        } catch (IllegalArgumentException e) {
            throw new CaptureRejectedException(e.getMessage());
        }
        StagedFile staged = stage(body, declaredLength);
        try {
            if (!CaptureConverter.recognises(staged.head(), staged.head().length)) {
                String reason = staged.size() == 0 ? "body is empty, expected a pcap or pcapng capture"
                        : "body is not a pcap or pcapng capture (starts with 0x"
                        + HexFormat.of().formatHex(staged.head(), 0, Math.min(8, staged.head().length)) + ")";
                keepRefused(() -> quarantine.keep(pbx, fileName, staged, reason));
                throw new CaptureRejectedException(reason);
            }
            Optional<Recording> existing = catalogue.findByName(pbx, fileName);
            if (existing.isPresent()) {
                Recording r = existing.get();
                if (r.getOriginalSha256().equals(staged.sha256())) {
                    return new IngestOutcome(r.getId(), false, r.getOriginalSize());
                }
                String reason = "a recording named " + fileName + " already exists with different content (recording "
                        + r.getId() + ")";
                keepRefused(() -> quarantine.keep(pbx, fileName, staged, reason));
                throw new CaptureConflictException(reason);
            }
            String key = blobs.put(staged.path(), staged.sha256(), pbx);
            IntakeReceipts.Receipt receipt = receipts.write(pbx, fileName, staged.sha256(), staged.size(), key);
            long id;
            try {
                id = catalogue.add(pbx, fileName, staged.size(), staged.sha256(), key, receipt.receivedAt());
            } catch (EJBException notCatalogued) {
                return afterFailedCatalogue(pbx, fileName, staged, key, receipt, notCatalogued);
            }
            commits.awaitDurable();
            receipts.remove(receipt);
            return new IngestOutcome(id, true, staged.size());
        } finally {
            Files.deleteIfExists(staged.path());
        }
    }

    /**
     * Keeps an upload refused before it was read (its PBX is not registered) in quarantine with the reason, so
     * nothing a device sent is lost; within the upload limit and the disk's reserve like any upload.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void keepUnadmitted(String pbx, String fileName, InputStream body, long declaredLength, String reason) throws IOException {
        StagedFile staged = stage(body, declaredLength);
        try {
            keepRefused(() -> quarantine.keep(pbx, fileName, staged, reason));
        } finally {
            Files.deleteIfExists(staged.path());
        }
    }

    /** The body in a staging file, within the upload limit and the disk's reserve. */
    private StagedFile stage(InputStream body, long declaredLength) throws IOException {
        long limit = settings.get(null, IngestSettings.MAX_CAPTURE_BYTES);
        if (declaredLength > limit) {
            throw new TooLargeException(limit);
        }
        space.ensureRoomFor(declaredLength);
        return staging.receive(body, limit);
    }

    /** A refusal's record is durable before the device hears of it. */
    private void keepRefused(QuarantineWrite write) throws IOException {
        write.run();
        commits.awaitDurable();
    }

    private interface QuarantineWrite {
        void run() throws IOException;
    }

    /**
     * The row did not commit, and the bytes are in the store already: keep them and say why. Mostly another upload
     * of the same name won the race between our look for that name and our insert: the same upload sent twice at
     * once (then this one is that recording too), or other bytes (a conflict, as when the name was there before).
     * The receipt goes once the answer is durable. While the database is away nothing can be written: the receipt
     * stays, and {@link IntakeRecovery} catalogues the upload once the database answers again.
     */
    private IngestOutcome afterFailedCatalogue(String pbx, String fileName, StagedFile staged, String key,
                                               IntakeReceipts.Receipt receipt, EJBException failure) throws IOException {
        if (DatabaseUnreachable.explains(failure)) {
            throw failure;
        }
        Optional<Recording> winner = catalogue.findByName(pbx, fileName);
        if (winner.isPresent() && winner.get().getOriginalSha256().equals(staged.sha256())) {
            receipts.remove(receipt); // that recording's own upload makes it durable, with its own receipt
            return new IngestOutcome(winner.get().getId(), false, winner.get().getOriginalSize());
        }
        String reason = winner.isPresent()
                ? "a recording named " + fileName + " was stored at the same moment with different content (recording "
                        + winner.get().getId() + ")"
                : "the catalog refused the recording: " + rootCause(failure);
        keepRefused(() -> quarantine.keepStored(pbx, fileName, staged.size(), staged.sha256(), key, reason));
        receipts.remove(receipt);
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
}
