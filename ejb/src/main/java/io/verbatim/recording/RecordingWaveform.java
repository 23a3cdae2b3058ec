package io.verbatim.recording;

import io.verbatim.media.Waveform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recording's waveform as conversion measured it; erased with the recording (the database's cascade). */
@Entity
@Table(name = "recording_waveform")
public class RecordingWaveform {

    @Id
    @Column(name = "recording_id")
    private long recordingId;

    @Column(name = "stretch_millis", nullable = false)
    private int stretchMillis;

    @Column(name = "remote_peaks", nullable = false, length = Waveform.MAX_STRETCHES)
    private byte[] remotePeaks;

    @Column(name = "local_peaks", nullable = false, length = Waveform.MAX_STRETCHES)
    private byte[] localPeaks;

    protected RecordingWaveform() {
    }

    public RecordingWaveform(long recordingId, Waveform waveform) {
        this.recordingId = recordingId;
        this.stretchMillis = waveform.stretchMillis();
        this.remotePeaks = waveform.remote();
        this.localPeaks = waveform.local();
    }

    public long getRecordingId() {
        return recordingId;
    }

    public Waveform waveform() {
        return new Waveform(stretchMillis, remotePeaks.clone(), localPeaks.clone());
    }
}
