package io.verbatim.directory;

import java.util.Set;

/**
 * What an administrator sets on a user; {@code null} fields stay as they are (on creation: username, password and
 * role are required). {@code pbx} is only the operator's to choose; a tenant's administrators create their own.
 */
public record UserChange(String username, String password, String pbx, String displayName, Role role, Set<String> numbers,
                         String email, String timezone, Boolean licensed, Boolean active) {

    /** A change of whether the user may sign in, and nothing else. */
    public static UserChange active(boolean active) {
        return new UserChange(null, null, null, null, null, null, null, null, null, active);
    }

    /** A change of whether the user holds a recorder licence, and nothing else. */
    public static UserChange licensed(boolean licensed) {
        return new UserChange(null, null, null, null, null, null, null, null, licensed, null);
    }
}
