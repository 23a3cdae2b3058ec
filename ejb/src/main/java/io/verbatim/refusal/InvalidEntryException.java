package io.verbatim.refusal;

import jakarta.ejb.ApplicationException;

/**
 * Something an administrator or a system described wrongly (a user, group, app object, note, call record); the
 * message names the field and the problem.
 */
@ApplicationException(rollback = true)
public class InvalidEntryException extends Refusal {
    public InvalidEntryException(String message) {
        super(Kind.INVALID, message);
    }
}
