package io.verbatim.settings;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A setting value outside what the server accepts; the message starts with the setting's name and gives the range. */
@ApplicationException(rollback = true)
public class InvalidSettingException extends Refusal {
    public InvalidSettingException(String message) {
        super(Kind.INVALID, message);
    }

    /** The setting at fault, in the API's names: the message's first word. */
    @Override
    public String field() {
        return getMessage().split("[\\s:]", 2)[0];
    }
}
