package io.verbatim.media;

/** The bytes are not a capture we can read (wrong format, broken structure, no RTP audio). */
public class InvalidCaptureException extends RuntimeException {
    public InvalidCaptureException(String message) {
        super(message);
    }

    public InvalidCaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
