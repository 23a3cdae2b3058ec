package io.verbatim.storage;

import jakarta.ejb.ApplicationException;

/** The body grew past the configured limit; nothing was kept. */
@ApplicationException(rollback = true)
public class TooLargeException extends RuntimeException {
    private final long limit;

    public TooLargeException(long limit) {
        super("capture exceeds the size limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
