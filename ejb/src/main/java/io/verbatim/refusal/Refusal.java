package io.verbatim.refusal;

/**
 * A request the server will not do, with why in words and of a {@link Kind} every edge answers alike: the API with a
 * status and this message, a page with this message (next to the field at fault when {@link #field()} names one).
 * Each capability raises its own subclass, named for what happened; an edge maps only the kind, so a new refusal
 * reaches every page and client without touching them. Subclasses say with {@code @ApplicationException} whether
 * the transaction is undone (ArchitectureTest holds that each does).
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of no it is, in the caller's terms. */
    public enum Kind {
        /** It does not exist, or not for this caller (the two are not told apart). */
        NOT_FOUND,
        /** It clashes with what is there now (a name taken, a state that does not allow it yet). */
        CONFLICT,
        /** It existed and is gone for good. */
        GONE,
        /** What was sent is not acceptable; the message names the field and the range. */
        INVALID,
        /** The caller may see it but not do this. */
        FORBIDDEN,
        /** The body is larger than allowed. */
        TOO_LARGE,
        /** Storing it would eat into the disk's reserve. */
        NO_SPACE,
        /** A server we hand it to (mail) refused or is not there. */
        PEER_FAILED,
        /** The database went away partway: what was done before stays done, the rest is not; try again shortly. */
        UNAVAILABLE
    }

    private final Kind kind;

    protected Refusal(Kind kind, String message) {
        this(kind, message, null);
    }

    protected Refusal(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The field at fault, in the API's names, when the refusal is about one field; otherwise {@code null}. */
    public String field() {
        return null;
    }
}
