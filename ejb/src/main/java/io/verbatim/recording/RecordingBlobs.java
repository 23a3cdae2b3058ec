package io.verbatim.recording;

import io.verbatim.storage.BlobUsers;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/** Recordings name two blobs each: the original capture and the converted audio. */
@Dependent
public class RecordingBlobs implements BlobUsers {

    @PersistenceContext
    EntityManager em;

    @Override
    public long naming(String blobKey) {
        return em.createQuery("select count(r) from Recording r where r.originalKey = :key or r.audioKey = :key", Long.class)
                .setParameter("key", blobKey).getSingleResult();
    }

    @Override
    public Set<String> keyColumns() {
        return Set.of("recording.original_key", "recording.audio_key");
    }
}
