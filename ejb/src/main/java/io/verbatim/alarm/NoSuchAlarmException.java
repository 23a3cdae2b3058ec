package io.verbatim.alarm;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class NoSuchAlarmException extends RuntimeException {

    public NoSuchAlarmException(long id) {
        super("no alarm " + id);
    }
}
