package io.verbatim.settings;

import jakarta.ejb.ApplicationException;

/** A setting value outside what the server accepts; the message names the setting and the range. */
@ApplicationException(rollback = true)
public class InvalidSettingException extends RuntimeException {
    public InvalidSettingException(String message) {
        super(message);
    }
}
