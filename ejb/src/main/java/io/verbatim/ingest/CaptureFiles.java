package io.verbatim.ingest;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.recording.Recording;
import io.verbatim.settings.Settings;
import io.verbatim.storage.BlobStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The original captures as a folder per PBX, for reading over WebDAV (innovaphone's recordings share) with that
 * PBX's own WebDAV credentials from its settings: that account reads every original of its PBX, as on innovaphone's
 * recorder, and nobody does while the PBX has none of its own (the operator's default pair only uploads). Recordings in the recycle bin are not listed. Each file read is logged.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class CaptureFiles {

    /** One original: what a folder listing shows of it. */
    public record CaptureFile(long recordingId, String fileName, long size, Instant receivedAt, String sha256) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    BlobStore blobs;

    @Inject
    ActionLog actionLog;

    /** Whether reading a PBX's folder over WebDAV is possible at all: only once it has WebDAV credentials of its own. */
    public boolean open(String pbx) {
        return settings.readableOverWebDav(pbx);
    }

    public boolean readerAccepted(String pbx, String user, char[] password) {
        return settings.acceptsReaderCredentials(pbx, user, password);
    }

    /** A page of a PBX's originals, oldest first. */
    public List<CaptureFile> list(String pbx, int offset, int limit) {
        return em.createQuery("select new io.verbatim.ingest.CaptureFiles$CaptureFile(r.id, r.fileName, r.originalSize, r.receivedAt, r.originalSha256)"
                        + " from Recording r where r.pbx = :pbx and r.deletedAt is null order by r.id", CaptureFile.class)
                .setParameter("pbx", pbx).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public Optional<CaptureFile> find(String pbx, String fileName) {
        return em.createQuery("select new io.verbatim.ingest.CaptureFiles$CaptureFile(r.id, r.fileName, r.originalSize, r.receivedAt, r.originalSha256)"
                        + " from Recording r where r.pbx = :pbx and r.fileName = :name and r.deletedAt is null", CaptureFile.class)
                .setParameter("pbx", pbx).setParameter("name", fileName).getResultStream().findFirst();
    }

    /** The original's bytes for {@code reader} (the WebDAV user); logged as a download. */
    public SeekableByteChannel read(CaptureFile file, String reader) throws IOException {
        Recording r = em.find(Recording.class, file.recordingId());
        actionLog.recordAs("webdav:" + reader, Action.DOWNLOAD, r, "original capture over WebDAV");
        return blobs.open(r.getOriginalKey());
    }
}
