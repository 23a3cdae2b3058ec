package io.verbatim.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in on this HTTP session (kept in the session after a form login), and the account's
 * {@link io.verbatim.directory.Directory#sessionStamp stamp} then: the session holds only while it still matches.
 */
public record SignedIn(String username, Set<String> groups, String stamp) implements Serializable {
    static final String SESSION_ATTRIBUTE = SignedIn.class.getName();
}
