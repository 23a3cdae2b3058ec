package io.verbatim.web.api;

import io.verbatim.callinfo.CallInformationStatus;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingState;
import java.time.Duration;
import java.time.Instant;

/** A recording as the API shows it, with its call information once matched ({@code callInformationStatus}). */
public record RecordingView(long id, String pbx, String fileName, String callId, String device, String owner,
                            String captureUser, boolean onlyMe,
                            RecordingState state, String failureReason, String conversionNotes,
                            Instant receivedAt, Instant start, Double durationSeconds, String codec,
                            long originalSize, String originalSha256, String audioFormat, String audioUrl,
                            CallInformationStatus callInformationStatus, CallInformationView callInformation) {

    /** @param wait how long a recording waits for its call record before it is flagged as missing one */
    static RecordingView of(Recording r, Duration wait, Instant now) {
        return new RecordingView(r.getId(), r.getPbx(), r.getFileName(), r.getCallId(), r.getDevice(), r.getOwner(),
                r.getCaptureUser(), r.isOnlyMe(),
                r.getState(), r.getFailureReason(), r.getConversionNotes(), r.getReceivedAt(), r.getStartedAt(),
                r.getDurationSeconds(), r.getCodec(), r.getOriginalSize(), r.getOriginalSha256(), r.getAudioFormat(),
                r.getState() == RecordingState.READY ? "/api/v1/recordings/" + r.getId() + "/audio" : null,
                CallInformationStatus.of(r.getCallRecord(), r.getReceivedAt(), wait, now), CallInformationView.of(r.getCallRecord()));
    }
}
