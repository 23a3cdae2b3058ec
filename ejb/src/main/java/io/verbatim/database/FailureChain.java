package io.verbatim.database;

import java.util.function.Predicate;

/** A failure and what caused it, walked once for what each kind of failure looks for. */
final class FailureChain {

    private FailureChain() {
    }

    /** Whether {@code failure} or anything that caused it is {@code wanted}. */
    static boolean any(Throwable failure, Predicate<Throwable> wanted) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (wanted.test(t)) {
                return true;
            }
        }
        return false;
    }
}
