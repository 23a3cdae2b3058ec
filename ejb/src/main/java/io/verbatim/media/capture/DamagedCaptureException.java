package io.verbatim.media.capture;

/**
 * The bytes are not a capture we can read (wrong format, broken structure), or what they hold is damaged beyond
 * converting (timestamps spanning days, more flows than any call has). The engine's root reports it to its callers as
 * an invalid capture.
 */
public class DamagedCaptureException extends RuntimeException {
    public DamagedCaptureException(String message) {
        super(message);
    }

    public DamagedCaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
