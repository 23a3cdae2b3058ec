package io.verbatim.conversion;

import io.verbatim.media.Waveform;
import io.verbatim.recording.RecordingWaveform;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Keeps a waveform measured on request, in a transaction of its own: a concurrent request's copy fails alone. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class WaveformStore {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void keep(long recordingId, Waveform waveform) {
        if (em.find(RecordingWaveform.class, recordingId) == null) {
            em.persist(new RecordingWaveform(recordingId, waveform));
        }
    }
}
