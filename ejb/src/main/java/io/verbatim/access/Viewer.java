package io.verbatim.access;

import io.verbatim.directory.Role;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
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

    /**
     * Whether this viewer may hear a recording of {@code pbx} owned by {@code owner}: an administrator any of their
     * tenant (the operator any at all); anybody else one of their owners', unless it is marked "only me" and not
     * their own.
     */
    public boolean mayRead(String recordingPbx, String owner, boolean onlyMe) {
        boolean ownTenant = pbx == null || pbx.equals(recordingPbx);
        if (administers()) {
            return ownTenant;
        }
        // an immutable set refuses to be asked about null: a recording without owner is nobody's
        return ownTenant && owner != null && owners.contains(owner) && (!onlyMe || Objects.equals(owner, username));
    }

    /**
     * Whose recordings someone who does not administer sees: their own, those of the users the access lists of their
     * app objects name ({@code listed}: names and numbers already resolved to users of their PBX), and, for a
     * supervisor, those of the members of the groups they manage ({@code managed}); of those, only owners holding a
     * recorder licence ({@code licensed}: the others' recordings are kept, but shown to administrators only). Nothing
     * while an app object of theirs has a monitor who has not granted access ({@code awaitingMonitor}: 4-eyes).
     */
    public static Set<String> ownersSeen(String self, boolean awaitingMonitor, Collection<String> listed,
            Collection<String> managed, Set<String> licensed) {
        if (awaitingMonitor) {
            return Set.of();
        }
        Set<String> owners = new HashSet<>();
        owners.add(self);
        owners.addAll(listed);
        owners.addAll(managed);
        owners.retainAll(licensed);
        return owners;
    }
}
