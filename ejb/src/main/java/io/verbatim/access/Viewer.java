package io.verbatim.access;

import io.verbatim.directory.Role;
import java.util.Set;

/**
 * Who is looking, and what the access rule lets them see: an administrator sees the whole of their tenant
 * ({@code pbx}; the operator, with none, sees every tenant); everybody else sees the recordings of {@code owners}
 * (usernames on their PBX), those marked "only me" excepted unless they are their own.
 */
public record Viewer(String username, Set<Role> roles, String pbx, Set<String> owners) {

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Sees the whole tenant (or, for the operator, every tenant). */
    public boolean administers() {
        return is(Role.ADMIN);
    }
}
