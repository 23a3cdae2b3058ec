package io.verbatim.audit;

import io.verbatim.storage.BlobUsers;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/** An action-log export names its ZIP until it is deleted. */
@Dependent
public class ExportBlobs implements BlobUsers {

    @PersistenceContext
    EntityManager em;

    @Override
    public long naming(String blobKey) {
        return em.createQuery("select count(e) from ActionLogExport e where e.blobKey = :key", Long.class)
                .setParameter("key", blobKey).getSingleResult();
    }

    @Override
    public Set<String> keyColumns() {
        return Set.of("action_log_export.blob_key");
    }
}
