package io.verbatim.web.security;

import java.io.Serializable;
import java.util.Set;

/** Who signed in on this HTTP session (kept in the session after a form login). */
public record SignedIn(String username, Set<String> groups) implements Serializable {
    static final String SESSION_ATTRIBUTE = SignedIn.class.getName();
}
