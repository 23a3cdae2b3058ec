package io.verbatim.audit;

/** The export's file was deleted, by hand or because it was older than the export keeping time. */
public class ExportGoneException extends RuntimeException {

    public ExportGoneException(String message) {
        super(message);
    }
}
