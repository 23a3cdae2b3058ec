package io.verbatim.conversion;

import io.verbatim.caller.Caller;
import io.verbatim.cluster.NodeName;
import io.verbatim.media.CaptureConverter;
import io.verbatim.media.ConversionResult;
import io.verbatim.media.InvalidCaptureException;
import io.verbatim.media.OutputFormat;
import io.verbatim.media.UnsupportedCodecException;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingChanged;
import io.verbatim.recording.RecordingState;
import io.verbatim.recording.RecordingWaveform;
import io.verbatim.seal.Seals;
import io.verbatim.settings.Settings;
import io.verbatim.storage.BlobDisposals;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.DiskSpace;
import io.verbatim.storage.Staging;
import io.verbatim.storage.StorageUnreachableException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The conversion queue: claiming a received recording (so that any number of nodes share the queue without
 * converting one twice), converting its original with the media engine, and recording the outcome.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class ConversionService {

    private static final Logger LOG = Logger.getLogger(ConversionService.class.getName());
    /**
     * Another node's claim older than this belongs to a node that died mid-conversion: longer than the drain's
     * default conversion time-out (30 minutes), so a live conversion is never taken from under its worker.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(60);
    /** Claims of one recording that may end without an outcome (the server died) before it is given up. */
    public static final int MAX_ATTEMPTS = 3;
    /** Hibernate's lock timeout value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    NodeName nodes;

    @Inject
    BlobStore blobs;

    @Inject
    BlobDisposals disposals;

    @Inject
    Staging staging;

    @Inject
    StagedOriginals originals;

    @Inject
    Settings settings;

    @Inject
    Seals seals;

    @Inject
    DiskSpace space;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<RecordingChanged> changes;

    /**
     * Takes the oldest waiting recording for {@code node}, committing the claim at once. One claimed
     * {@link #MAX_ATTEMPTS} times already, each time without an outcome, is given up as FAILED instead: its capture
     * took the server down (or hung it until it was restarted) each time.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> claimNext(String node) {
        while (true) {
            List<Recording> next = em.createQuery(
                            "select r from Recording r where r.state = :state order by r.id", Recording.class)
                    .setParameter("state", RecordingState.RECEIVED)
                    .setMaxResults(1)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                    .getResultList();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Recording r = next.get(0);
            r.claim(node, Instant.now());
            if (r.getConversionAttempts() <= MAX_ATTEMPTS) {
                return Optional.of(r.getId());
            }
            r.failed("conversion was started " + MAX_ATTEMPTS + " times and never finished: the server stopped or was"
                    + " restarted during each attempt");
            changes.fire(new RecordingChanged(r.getId(), RecordingChanged.Change.FAILED));
            LOG.warning("Recording " + r.getId() + " (" + r.getFileName() + ") FAILED: " + r.getFailureReason());
            em.flush();
        }
    }

    /** The queue's state, for the Jobs page and the API (administrators): their PBX's recordings; the operator's: all. */
    @RolesAllowed("ADMIN")
    public ConversionQueue queue() {
        return measure(caller.tenant());
    }

    /** The same for the server itself (the alarms, the measurements), which acts for no one: every PBX's. */
    public ConversionQueue measure() {
        return measure(null);
    }

    private ConversionQueue measure(String pbx) {
        String ofPbx = pbx == null ? "" : " and r.pbx = :pbx";
        Object[] waiting = ofPbx(em.createQuery("select count(r), min(r.receivedAt) from Recording r where r.state = :state" + ofPbx,
                Object[].class), pbx).setParameter("state", RecordingState.RECEIVED).getSingleResult();
        long converting = ofPbx(em.createQuery("select count(r) from Recording r where r.state = :state" + ofPbx, Long.class), pbx)
                .setParameter("state", RecordingState.CONVERTING).getSingleResult();
        long failed = ofPbx(em.createQuery("select count(r) from Recording r where r.state = :state and r.receivedAt > :since" + ofPbx,
                Long.class), pbx).setParameter("state", RecordingState.FAILED).setParameter("since", Instant.now().minus(Duration.ofDays(1)))
                .getSingleResult();
        return new ConversionQueue((Long) waiting[0], converting, (Instant) waiting[1], failed);
    }

    private static <T> TypedQuery<T> ofPbx(TypedQuery<T> query, String pbx) {
        return pbx == null ? query : query.setParameter("pbx", pbx);
    }

    /** Converts outside any transaction (it may take a while); a capture we cannot convert is a failure, not an error. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConversionOutcome convert(long recordingId) {
        Recording r = em.find(Recording.class, recordingId);
        if (r == null) {
            return ConversionOutcome.failed(recordingId, "recording disappeared before conversion");
        }
        if (!space.aboveReserve()) {
            LOG.warning("Conversion of recording " + recordingId + " postponed: the disk is nearly full");
            return ConversionOutcome.postponed(recordingId, "the disk is nearly full");
        }
        LOG.fine(() -> "Converting recording " + recordingId + " (" + r.getFileName() + ", " + r.getOriginalSize() + " bytes)");
        Path capture = null;
        Path wav = null;
        try {
            capture = originals.copy(r);
            OutputFormat format = OutputFormat.parse(settings.get(r.getPbx(), ConversionSettings.OUTPUT_FORMAT));
            wav = staging.newFile("." + format.extension());
            ConversionResult result;
            try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.WRITE)) {
                result = new CaptureConverter().convert(capture, channel, format, CallTags.of(r));
                channel.force(true);
            }
            long size = Files.size(wav);
            String sha256 = Staging.sha256Of(wav);
            String key = blobs.put(wav, sha256, r.getPbx());
            return ConversionOutcome.converted(recordingId, key, size, sha256, format.toString(), result);
        } catch (InvalidCaptureException | UnsupportedCodecException e) {
            return ConversionOutcome.failed(recordingId, e.getMessage());
        } catch (StorageUnreachableException e) { // the bucket, not the capture: it waits until the bucket answers
            LOG.warning("Conversion of recording " + recordingId + " postponed: " + e.getMessage());
            return ConversionOutcome.postponed(recordingId, e.getMessage());
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (!space.aboveReserve()) { // the disk, not the capture (whatever the writer wrapped it in): it waits for room
                LOG.warning("Conversion of recording " + recordingId + " postponed, the disk is nearly full: " + e);
                return ConversionOutcome.postponed(recordingId, "the disk is nearly full: " + e.getMessage());
            }
            // a capture that exhausts the converter's memory or stack fails alone; the server and the queue go on
            LOG.log(Level.SEVERE, "Conversion of recording " + recordingId + " failed unexpectedly", e);
            return ConversionOutcome.failed(recordingId, "conversion error: " + e);
        } finally {
            StagedOriginals.delete(capture);
            StagedOriginals.delete(wav);
        }
    }

    /**
     * Stores the outcome on the recording, in a transaction of its own; only while the recording is still this
     * conversion's (a claim given up meanwhile, by a watchdog or a restart, belongs to the next attempt).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(ConversionOutcome outcome) {
        Recording r = em.find(Recording.class, outcome.recordingId());
        if (r == null || r.getState() != RecordingState.CONVERTING) {
            if (outcome.succeeded()) { // the audio of a recording erased (or claimed again) while it was converted
                disposals.dispose(List.of(outcome.audioKey()), "recording " + outcome.recordingId()
                        + (r == null ? " erased" : " given up") + " while it was converted");
            }
            return;
        }
        switch (outcome.kind()) {
            case CONVERTED -> {
                ConversionResult result = outcome.result();
                r.converted(outcome.audioKey(), outcome.audioSize(), outcome.audioSha256(), outcome.audioFormat(),
                        result.start(), result.durationSeconds(), result.codec(),
                        result.warnings().isEmpty() ? null : String.join("; ", result.warnings()));
                em.merge(new RecordingWaveform(r.getId(), result.waveform())); // a conversion again replaces the last one's
                if (settings.sealEnabled(r.getPbx())) {
                    seals.seal(r);
                }
                changes.fire(new RecordingChanged(r.getId(), RecordingChanged.Change.READY));
                logOnCommit(Level.INFO, "Converted recording " + r.getId() + ": " + result.codec() + ", "
                        + String.format("%.1f", result.durationSeconds()) + " s" + (result.warnings().isEmpty() ? "" : ", " + result.warnings()));
            }
            case POSTPONED -> r.postpone();
            case TIMED_OUT -> {
                if (r.getConversionAttempts() >= MAX_ATTEMPTS) {
                    r.failed(outcome.failure() + ", " + MAX_ATTEMPTS + " times");
                    changes.fire(new RecordingChanged(r.getId(), RecordingChanged.Change.FAILED));
                    logOnCommit(Level.WARNING, "Recording " + r.getId() + " (" + r.getFileName() + ") FAILED: " + r.getFailureReason());
                } else {
                    r.release(); // tried again, the attempt counted
                    logOnCommit(Level.WARNING, "Recording " + r.getId() + " (" + r.getFileName() + "): " + outcome.failure() + "; tried again");
                }
            }
            case FAILED -> {
                r.failed(outcome.failure());
                changes.fire(new RecordingChanged(r.getId(), RecordingChanged.Change.FAILED));
                logOnCommit(Level.WARNING, "Recording " + r.getId() + " (" + r.getFileName() + ") FAILED: " + outcome.failure());
            }
        }
    }

    /** Said once the outcome is stored: one met by a change meanwhile is stored again, and said then. */
    private void logOnCommit(Level level, String message) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    LOG.log(level, message);
                }
            }
        });
    }

    /** At a node's start: every claim of its own, since none of its conversions can still be running. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseClaimsOf(String restartedNode) {
        return release(em.createQuery("select r from Recording r where r.state = :state and r.claimedBy = :node",
                        Recording.class).setParameter("node", restartedNode));
    }

    /**
     * Claims of other nodes that died mid-conversion: a node that is gone ({@link NodeName#gone}: its name ran out, a
     * couple of minutes after it stopped answering), or a claim older than the lease. This node's claims are live.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseClaimsAbandonedByOthers(String thisNode) {
        List<String> gone = em.createQuery("select distinct r.claimedBy from Recording r where r.state = :state"
                        + " and r.claimedBy <> :node", String.class)
                .setParameter("state", RecordingState.CONVERTING).setParameter("node", thisNode).getResultStream()
                .filter(nodes::gone).toList();
        int released = gone.isEmpty() ? 0 : release(em.createQuery("select r from Recording r where r.state = :state"
                + " and r.claimedBy in :gone", Recording.class).setParameter("gone", gone));
        return released + release(em.createQuery("select r from Recording r where r.state = :state and r.claimedAt < :expired"
                        + " and r.claimedBy <> :node", Recording.class)
                .setParameter("expired", Instant.now().minus(CLAIM_LEASE)).setParameter("node", thisNode));
    }

    private static int release(jakarta.persistence.TypedQuery<Recording> claimed) {
        List<Recording> stuck = claimed.setParameter("state", RecordingState.CONVERTING).getResultList();
        stuck.forEach(Recording::release);
        return stuck.size();
    }
}
