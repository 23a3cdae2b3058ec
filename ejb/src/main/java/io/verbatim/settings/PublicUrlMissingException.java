package io.verbatim.settings;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** Something that hands out links was asked for while the server does not know its public address ({@link PublicUrl}). */
@ApplicationException(rollback = true)
public class PublicUrlMissingException extends Refusal {
    public PublicUrlMissingException(String message) {
        super(Kind.CONFLICT, message);
    }
}
