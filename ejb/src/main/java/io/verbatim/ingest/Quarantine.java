package io.verbatim.ingest;

import io.verbatim.caller.Caller;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.StagedFile;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Keeps refused uploads: their bytes in the blob store, a row saying what and why; administrators look. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Quarantine {

    private static final Logger LOG = Logger.getLogger(Quarantine.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    BlobStore blobs;

    /** Commits on its own: the refusal that follows rolls back the caller's work, never this record. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public QuarantinedCapture keep(String pbx, String fileName, StagedFile staged, String reason) throws IOException {
        return keepStored(pbx, fileName, staged.size(), staged.sha256(), blobs.put(staged.path(), staged.sha256(), pbx), reason);
    }

    /** The same for an upload whose bytes are in the store already, under {@code key}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public QuarantinedCapture keepStored(String pbx, String fileName, long size, String sha256, String key, String reason) {
        QuarantinedCapture q = new QuarantinedCapture(pbx, fileName, Instant.now(), size, sha256, key, reason);
        em.persist(q);
        LOG.warning("Quarantined upload " + pbx + "/" + fileName + " (" + size + " bytes, sha256 " + sha256 + "): " + reason);
        return q;
    }

    /** The caller's PBX's refused uploads (the operator: all), newest first. */
    @RolesAllowed("ADMIN")
    public List<QuarantinedCapture> list(int offset, int limit) {
        String tenant = caller.tenant();
        return em.createQuery("select q from QuarantinedCapture q where :all = true or q.pbx = :pbx order by q.id desc", QuarantinedCapture.class)
                .setParameter("all", tenant == null).setParameter("pbx", tenant == null ? "" : tenant)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @RolesAllowed("ADMIN")
    public long count() {
        String tenant = caller.tenant();
        return em.createQuery("select count(q) from QuarantinedCapture q where :all = true or q.pbx = :pbx", Long.class)
                .setParameter("all", tenant == null).setParameter("pbx", tenant == null ? "" : tenant).getSingleResult();
    }

    /** The refused bytes, exactly as they arrived; another PBX's are not there for the caller. */
    @RolesAllowed("ADMIN")
    public Optional<Kept> open(long id) throws IOException {
        QuarantinedCapture q = em.find(QuarantinedCapture.class, id);
        String tenant = caller.tenant();
        if (q == null || (tenant != null && !tenant.equals(q.getPbx()))) {
            return Optional.empty();
        }
        return Optional.of(new Kept(q, blobs.size(q.getBlobKey()), blobs.open(q.getBlobKey())));
    }

    public record Kept(QuarantinedCapture capture, long size, SeekableByteChannel channel) {
    }
}
