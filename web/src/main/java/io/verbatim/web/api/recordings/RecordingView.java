package io.verbatim.web.api.recordings;

import io.verbatim.callinfo.CallInformationSettings;
import io.verbatim.callinfo.CallInformationStatus;
import io.verbatim.directory.Licences;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingState;
import io.verbatim.settings.Settings;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A recording as the API shows it, with its call information once matched ({@code callInformationStatus});
 * {@code protected}: exempt from deletion and retention; {@code deletedAt}/{@code deletedBy}: in the recycle bin.
 */
public record RecordingView(long id, String pbx, String fileName, String callId, String device, String owner,
                            String captureUser, boolean onlyMe,
                            @JsonbProperty("protected") boolean isProtected, Instant protectedAt, String protectedBy,
                            Instant deletedAt, String deletedBy, Instant sealedAt,
                            RecordingState state, String failureReason, String conversionNotes,
                            Instant receivedAt, Instant start, Double durationSeconds, String codec,
                            long originalSize, String originalSha256, String audioFormat, String audioUrl,
                            CallInformationStatus callInformationStatus, CallInformationView callInformation,
                            boolean ownerLicensed) {

    /**
     * What a view needs besides the recording: how long recordings wait for call records, the time now, and who holds
     * a recorder licence (recordings of others are shown to administrators only, flagged).
     */
    record Context(Function<String, Duration> callInformationWait, Instant now, Set<String> licensed) {

        /** With each PBX's wait read once. */
        static Context now(Settings settings, Licences licences) {
            Map<String, Duration> waits = new HashMap<>();
            return new Context(pbx -> waits.computeIfAbsent(pbx, p -> Duration.ofMinutes(settings.get(p, CallInformationSettings.WAIT_MINUTES))), Instant.now(), licences.holders());
        }
    }

    static RecordingView of(Recording r, Context c) {
        return new RecordingView(r.getId(), r.getPbx(), r.getFileName(), r.getCallId(), r.getDevice(), r.getOwner(),
                r.getCaptureUser(), r.isOnlyMe(), r.isProtected(), r.getProtectedAt(), r.getProtectedBy(),
                r.getDeletedAt(), r.getDeletedBy(), r.getSealedAt(),
                r.getState(), r.getFailureReason(), r.getConversionNotes(), r.getReceivedAt(), r.getStartedAt(),
                r.getDurationSeconds(), r.getCodec(), r.getOriginalSize(), r.getOriginalSha256(), r.getAudioFormat(),
                r.getState() == RecordingState.READY ? "/api/v1/recordings/" + r.getId() + "/audio" : null,
                CallInformationStatus.of(r.getCallRecord(), r.getReceivedAt(), c.callInformationWait().apply(r.getPbx()), c.now()), CallInformationView.of(r.getCallRecord()),
                c.licensed().contains(r.getOwner()));
    }
}
