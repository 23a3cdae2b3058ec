package io.verbatim.web.api;

import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingState;
import java.time.Instant;

/** A recording as the API shows it. */
public record RecordingView(long id, String pbx, String fileName, String callId, String device, String owner,
                            RecordingState state, String failureReason, String conversionNotes,
                            Instant receivedAt, Instant start, Double durationSeconds, String codec,
                            long originalSize, String originalSha256, String audioFormat, String audioUrl) {

    static RecordingView of(Recording r) {
        return new RecordingView(r.getId(), r.getPbx(), r.getFileName(), r.getCallId(), r.getDevice(), r.getOwner(),
                r.getState(), r.getFailureReason(), r.getConversionNotes(), r.getReceivedAt(), r.getStartedAt(),
                r.getDurationSeconds(), r.getCodec(), r.getOriginalSize(), r.getOriginalSha256(), r.getAudioFormat(),
                r.getState() == RecordingState.READY ? "/api/v1/recordings/" + r.getId() + "/audio" : null);
    }
}
