package io.verbatim.archive;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** An export target that cannot be reached or refuses what is sent: the run fails naming it, and is restarted later. */
@ApplicationException(rollback = true) // the run's own failure, told as is: not wrapped, not logged as the server's
public class ExportFailedException extends Refusal {

    public ExportFailedException(String message, Throwable cause) {
        super(Kind.PEER_FAILED, message, cause);
    }
}
