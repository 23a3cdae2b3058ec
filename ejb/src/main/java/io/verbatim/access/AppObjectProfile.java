package io.verbatim.access;

import java.io.Serializable;
import io.verbatim.directory.UserAccount;
import io.verbatim.directory.UserGroup;
import java.util.Set;
import java.util.TreeSet;

/**
 * An app object as administrators set and see it. {@code members}: usernames or group names; {@code accessList}:
 * usernames or numbers; {@code monitor}: the username whose grant its users need (4-eyes), or none.
 */
public record AppObjectProfile(String name, String pbx, Set<String> members, Set<String> accessList,
                               DeletionMode deletionMode, String monitor) implements Serializable {

    static AppObjectProfile of(AppObject a) {
        Set<String> members = new TreeSet<>();
        a.getUsers().stream().map(UserAccount::getUsername).forEach(members::add);
        a.getGroups().stream().map(UserGroup::getName).forEach(members::add);
        return new AppObjectProfile(a.getName(), a.getPbx(), members, a.getAccessList(), a.getDeletionMode(),
                a.getMonitor() == null ? null : a.getMonitor().getUsername());
    }
}
