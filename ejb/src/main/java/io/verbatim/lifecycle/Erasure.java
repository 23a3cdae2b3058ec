package io.verbatim.lifecycle;

import io.verbatim.recording.Recording;
import io.verbatim.storage.BlobDisposals;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasing a recording for good, in the caller's transaction: the row (its notes with it) now; the audio and
 * original once that has committed ({@link BlobDisposals}). Callers log why first.
 */
@Dependent
class Erasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobDisposals disposals;

    void erase(Recording r) {
        List<String> keys = new ArrayList<>();
        keys.add(r.getOriginalKey());
        if (r.getAudioKey() != null) {
            keys.add(r.getAudioKey());
        }
        em.remove(r);
        disposals.dispose(keys, "recording " + r.getId() + " erased");
    }
}
