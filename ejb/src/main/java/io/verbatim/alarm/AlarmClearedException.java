package io.verbatim.alarm;

import jakarta.ejb.ApplicationException;

/** An acknowledgement for an alarm that has already ended. */
@ApplicationException(rollback = true)
public class AlarmClearedException extends RuntimeException {

    public AlarmClearedException(String message) {
        super(message);
    }
}
