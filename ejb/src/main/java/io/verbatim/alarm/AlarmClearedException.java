package io.verbatim.alarm;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** An acknowledgement for an alarm that has already ended. */
@ApplicationException(rollback = true)
public class AlarmClearedException extends Refusal {

    public AlarmClearedException(String message) {
        super(Kind.CONFLICT, message);
    }
}
