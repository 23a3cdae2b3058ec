package io.verbatim.ingest;

import io.verbatim.database.DurableCommits;
import io.verbatim.recording.Recording;
import io.verbatim.storage.BlobStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Catalogues the stored originals whose catalog row never became durable: at start, every intake receipt this node
 * left (the server was killed between storing an upload and its commit); later, every five minutes, receipts older
 * than the longest an upload's transaction may take (the database refused or was gone). An original already
 * catalogued only loses its receipt; one whose name now holds other bytes goes to quarantine, kept with the reason.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "NodeName"}) // a node of a name in use stops before it touches that name's files
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each row commits on its own
public class IntakeRecovery {

    private static final Logger LOG = Logger.getLogger(IntakeRecovery.class.getName());
    /** Longer than any upload's transaction (WildFly's default timeout is 5 minutes). */
    static final Duration IN_FLIGHT = Duration.ofMinutes(10);

    @Inject
    IntakeReceipts receipts;

    @Inject
    CaptureCatalogue catalogue;

    @Inject
    Quarantine quarantine;

    @Inject
    BlobStore blobs;

    @Inject
    DurableCommits commits;

    @PostConstruct
    void atStart() {
        recover(Instant.now()); // no upload of this node runs yet: every receipt there was left by the last run
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void everyFiveMinutes() {
        recover(Instant.now().minus(IN_FLIGHT));
    }

    private void recover(Instant writtenBefore) {
        try {
            int recovered = 0;
            for (IntakeReceipts.Receipt receipt : receipts.writtenBefore(writtenBefore)) {
                if (recover(receipt)) {
                    recovered++;
                }
            }
            if (recovered > 0) {
                LOG.warning("Catalogued " + recovered + " stored uploads whose catalog row had not been committed");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Intake receipts could not be checked; tried again in five minutes", e);
        }
    }

    /** @return whether the receipt's upload was catalogued (or quarantined) now */
    private boolean recover(IntakeReceipts.Receipt receipt) {
        Optional<Recording> row = catalogue.findByName(receipt.pbx(), receipt.fileName());
        if (row.isPresent() && row.get().getOriginalSha256().equals(receipt.sha256())) {
            receipts.remove(receipt); // its commit made it; the receipt's removal did not
            return false;
        }
        if (!blobs.exists(receipt.blobKey())) {
            LOG.warning("Intake receipt for " + receipt.pbx() + "/" + receipt.fileName() + " names bytes the store does not"
                    + " hold (" + receipt.blobKey() + "); removed");
            receipts.remove(receipt);
            return false;
        }
        if (row.isPresent()) {
            quarantine.keepStored(receipt.pbx(), receipt.fileName(), receipt.size(), receipt.sha256(), receipt.blobKey(),
                    "stored at " + receipt.receivedAt() + " but not catalogued before the server stopped; meanwhile recording "
                            + row.get().getId() + " took its name with other content");
        } else {
            try {
                long id = catalogue.add(receipt.pbx(), receipt.fileName(), receipt.size(), receipt.sha256(),
                        receipt.blobKey(), receipt.receivedAt());
                LOG.info("Recording " + id + " (" + receipt.pbx() + "/" + receipt.fileName() + ") catalogued from its intake"
                        + " receipt of " + receipt.receivedAt());
            } catch (EJBException refused) {
                LOG.log(Level.WARNING, "Recording " + receipt.pbx() + "/" + receipt.fileName() + " could not be catalogued"
                        + " from its receipt; tried again in five minutes", refused);
                return false;
            }
        }
        commits.awaitDurable();
        receipts.remove(receipt);
        return true;
    }
}
