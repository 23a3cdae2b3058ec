package io.verbatim.storage;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** The body grew past the configured limit; nothing was kept. */
@ApplicationException(rollback = true)
public class TooLargeException extends Refusal {
    private final long limit;

    public TooLargeException(long limit) {
        super(Kind.TOO_LARGE, "capture exceeds the size limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
