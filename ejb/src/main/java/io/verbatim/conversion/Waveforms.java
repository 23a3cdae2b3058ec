package io.verbatim.conversion;

import io.verbatim.media.CaptureConverter;
import io.verbatim.media.Waveform;
import io.verbatim.recording.AudioNotReadyException;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingWaveform;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The waveform a player draws for a recording the caller may hear. Conversion keeps it; a recording converted before
 * waveforms were kept has it measured from its original on first request, and kept from then on.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Waveforms {

    private static final Logger LOG = Logger.getLogger(Waveforms.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordingCatalog catalog;

    @Inject
    StagedOriginals originals;

    @Inject
    WaveformStore store;

    /**
     * Not logged in the action log: peaks tell when each party spoke, not what was said.
     *
     * @throws io.verbatim.recording.NoSuchRecordingException when the caller may not read it (the access rule)
     * @throws AudioNotReadyException when it has no audio (yet)
     */
    public Waveform of(long recordingId) throws IOException {
        Recording r = catalog.findConverted(recordingId);
        RecordingWaveform kept = em.find(RecordingWaveform.class, recordingId);
        if (kept != null) {
            return kept.waveform();
        }
        Waveform measured;
        Path capture = originals.copy(r);
        try {
            measured = new CaptureConverter().waveform(capture);
        } finally {
            StagedOriginals.delete(capture);
        }
        try {
            store.keep(recordingId, measured);
        } catch (EJBException e) { // the peaks are right either way; the next request keeps them
            LOG.info("Waveform of recording " + recordingId + " not kept now (another request kept it, or the database refused): " + e);
        }
        return measured;
    }
}
