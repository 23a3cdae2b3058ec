package io.verbatim.web.api.compliance;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLogExport;
import java.time.Instant;
import java.util.List;

/**
 * An export of the action log: {@code state} WAITING, RUNNING, DONE, FAILED or DELETED; {@code done} of {@code total}
 * entries written ({@code percent}); {@code fileUrl} once done; {@code failure} if it failed; {@code deletedAt} and
 * {@code deletedBy} (a user, or "expiry" after the export keeping time) once its file is deleted.
 */
public record ExportView(long id, String state, String requestedBy, Instant requestedAt, String pbx, Instant from, Instant to,
                         List<String> users, List<String> actions, Long recordingId, Long total, long done, Integer percent, Long executionId,
                         String fileUrl, Long fileSize, Instant finishedAt, String failure, Instant deletedAt, String deletedBy) {

    static ExportView of(ActionLogExport e) {
        Integer percent = e.getTotal() == null ? null : e.getTotal() == 0 ? 100 : (int) (100 * e.getDone() / e.getTotal());
        return new ExportView(e.getId(), e.getState().name(), e.getRequestedBy(), e.getRequestedAt(), e.getPbx(), e.getFrom(), e.getTo(),
                List.copyOf(e.userSet()), e.actionSet().stream().map(Action::word).toList(), e.getRecordingId(), e.getTotal(), e.getDone(), percent,
                e.getExecutionId(), e.getState() == ActionLogExport.State.DONE ? "/api/v1/action-log/exports/" + e.getId() + "/file" : null,
                e.getFileSize(), e.getFinishedAt(), e.getFailure(), e.getDeletedAt(), e.getDeletedBy());
    }
}
