package io.verbatim.settings;

import jakarta.ejb.ApplicationException;

/** A setting value outside what the server accepts; the message starts with the setting's name and gives the range. */
@ApplicationException(rollback = true)
public class InvalidSettingException extends RuntimeException {
    public InvalidSettingException(String message) {
        super(message);
    }

    /** The setting at fault, in the API's names: the message's first word. */
    public String setting() {
        return getMessage().split("[\\s:]", 2)[0];
    }
}
