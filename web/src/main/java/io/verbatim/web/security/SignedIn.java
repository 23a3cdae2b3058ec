package io.verbatim.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in on this HTTP session (kept in the session after a form login), their PBX, and the account's
 * {@link io.verbatim.directory.SignIn#sessionStamp stamp} then: the session holds only while it still matches (the
 * stamp covers the PBX, so the one kept here stays true).
 */
public record SignedIn(String username, String tenant, Set<String> groups, String stamp) implements Serializable {
    static final String SESSION_ATTRIBUTE = SignedIn.class.getName();
    /** The session attribute naming whom an administrator views the recordings as (read-only), while they do. */
    public static final String VIEWING_AS = "verbatim.viewingAs";
}
