package io.verbatim.directory;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A group as administrators set and see it: members and managing supervisors by username; {@code licensed} gives
 * every member a recorder licence.
 */
public record GroupProfile(String name, String pbx, String timezone, Set<String> members, Set<String> managers, Boolean licensed) implements Serializable {

    static GroupProfile of(UserGroup g) {
        return new GroupProfile(g.getName(), g.getPbx(), g.getTimezone(), usernames(g.getMembers()), usernames(g.getManagers()),
                g.isLicensed());
    }

    static Set<String> usernames(Set<UserAccount> users) {
        return users.stream().map(UserAccount::getUsername).collect(Collectors.toCollection(TreeSet::new));
    }
}
