package io.verbatim.web.api;

/** Request bodies a resource cannot do without. */
public final class ApiBodies {

    private ApiBodies() {
    }

    /** @throws IllegalArgumentException (400) when the request had no JSON body */
    public static <T> T required(T body) {
        if (body == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return body;
    }
}
