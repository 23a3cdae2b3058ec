package io.verbatim.access;

import io.verbatim.directory.Role;
import java.util.Set;

/** Who is looking: the authenticated username and the roles the directory gives them. */
public record Viewer(String username, Set<Role> roles) {

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
