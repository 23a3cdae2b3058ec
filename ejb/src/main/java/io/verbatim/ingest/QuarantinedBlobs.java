package io.verbatim.ingest;

import io.verbatim.storage.BlobUsers;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/** A refused upload keeps its bytes: the same bytes as a recording's, sometimes. */
@Dependent
public class QuarantinedBlobs implements BlobUsers {

    @PersistenceContext
    EntityManager em;

    @Override
    public long naming(String blobKey) {
        return em.createQuery("select count(q) from QuarantinedCapture q where q.blobKey = :key", Long.class)
                .setParameter("key", blobKey).getSingleResult();
    }

    @Override
    public Set<String> keyColumns() {
        return Set.of("quarantined_capture.blob_key");
    }
}
