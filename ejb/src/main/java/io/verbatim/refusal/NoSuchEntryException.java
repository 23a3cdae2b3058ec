package io.verbatim.refusal;

import jakarta.ejb.ApplicationException;

/**
 * Something asked for that does not exist, or not for the caller (another PBX's is not told apart): a user, group,
 * app object, job run, export, note or device credential. Answered 404 by the API, as a message on a page.
 */
@ApplicationException
public class NoSuchEntryException extends Refusal {
    public NoSuchEntryException(String what) {
        super(Kind.NOT_FOUND, what + " does not exist");
    }
}
