package io.verbatim.alarm;

/** An acknowledgement for an alarm that has already ended. */
public class AlarmClearedException extends RuntimeException {

    public AlarmClearedException(String message) {
        super(message);
    }
}
