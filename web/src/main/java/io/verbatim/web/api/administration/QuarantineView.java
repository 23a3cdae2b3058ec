package io.verbatim.web.api.administration;

import io.verbatim.ingest.QuarantinedCapture;
import java.time.Instant;

/** A refused upload as the API shows it. */
public record QuarantineView(long id, String pbx, String fileName, Instant receivedAt, long size, String sha256,
                             String reason, String originalUrl) {

    static QuarantineView of(QuarantinedCapture q) {
        return new QuarantineView(q.getId(), q.getPbx(), q.getFileName(), q.getReceivedAt(), q.getSize(), q.getSha256(),
                q.getReason(), "/api/v1/quarantine/" + q.getId() + "/original");
    }
}
