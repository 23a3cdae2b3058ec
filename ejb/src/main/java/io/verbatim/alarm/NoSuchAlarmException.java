package io.verbatim.alarm;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class NoSuchAlarmException extends Refusal {

    public NoSuchAlarmException(long id) {
        super(Kind.NOT_FOUND, "no alarm " + id);
    }
}
