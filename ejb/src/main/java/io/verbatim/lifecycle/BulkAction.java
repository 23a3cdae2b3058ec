package io.verbatim.lifecycle;

/** What can be done to many recordings at once. */
public enum BulkAction {
    PROTECT("protected"), UNPROTECT("unprotected"), DELETE("deleted");

    private final String done;

    BulkAction(String done) {
        this.done = done;
    }

    /** What a recording it was done to is now, in words: "protected". */
    public String done() {
        return done;
    }
}
