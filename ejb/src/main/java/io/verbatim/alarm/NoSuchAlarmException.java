package io.verbatim.alarm;

public class NoSuchAlarmException extends RuntimeException {

    public NoSuchAlarmException(long id) {
        super("no alarm " + id);
    }
}
