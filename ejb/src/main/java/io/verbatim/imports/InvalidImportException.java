package io.verbatim.imports;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** An import asked for with a folder or PBX that will not do; names the field, for the page to show it there. */
@ApplicationException(rollback = true)
public class InvalidImportException extends Refusal {

    private final String field;

    InvalidImportException(String field, String problem) {
        super(Kind.INVALID, field + ": " + problem);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
