package io.verbatim.storage;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Carries out the blob disposals that are still pending: at start, for those a crash left between a commit and the
 * removal, and every ten minutes, for those a disk refused or the store kept for now.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BlobDisposalRounds {

    @Inject
    BlobDisposals disposals;

    @PostConstruct
    void atStart() {
        disposals.retry();
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void everyTenMinutes() {
        disposals.retry();
    }
}
