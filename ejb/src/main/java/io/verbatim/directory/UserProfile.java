package io.verbatim.directory;

import java.io.Serializable;
import java.util.Set;

/** A user as administrators and the API see them; never the password or its hash. */
public record UserProfile(String username, String pbx, String displayName, Role role, Set<String> numbers, String email,
                          String timezone, boolean licensed, boolean active) implements Serializable {

    static UserProfile of(UserAccount u) {
        return new UserProfile(u.getUsername(), u.getPbx(), u.getDisplayName(), u.getRole(), u.getNumbers(), u.getEmail(),
                u.getTimezone(), u.isLicensed(), u.isActive());
    }
}
