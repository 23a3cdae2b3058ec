package io.verbatim.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.directory.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access rule's own half, without a server: who may hear which recording. */
class ViewerTest {

    private static final Set<String> EVERYONE_LICENSED = Set.of("alice", "bob", "carol", "dave");

    private static Viewer viewer(String name, Role role, String pbx, Set<String> owners) {
        return new Viewer(name, EnumSet.of(role), pbx, owners);
    }

    @Test
    void anAdministratorHearsEveryRecordingOfTheirPbxAndNoneOfAnother() {
        Viewer admin = viewer("berlin-admin", Role.ADMIN, "berlin", Set.of());
        assertThat(admin.mayRead("berlin", "alice", false)).isTrue();
        assertThat(admin.mayRead("berlin", "alice", true)).as("'only me' does not hide from the PBX's administrator").isTrue();
        assertThat(admin.mayRead("paris", "alice", false)).isFalse();
    }

    @Test
    void theOperatorHearsEveryPbx() {
        Viewer operator = viewer("admin", Role.ADMIN, null, Set.of());
        assertThat(operator.mayRead("berlin", "alice", false)).isTrue();
        assertThat(operator.mayRead("paris", null, true)).isTrue();
    }

    @Test
    void aUserHearsTheirOwnersRecordingsOnTheirPbxOnly() {
        Viewer bob = viewer("bob", Role.USER, "berlin", Set.of("bob", "alice"));
        assertThat(bob.mayRead("berlin", "bob", false)).isTrue();
        assertThat(bob.mayRead("berlin", "alice", false)).isTrue();
        assertThat(bob.mayRead("berlin", "carol", false)).as("not on his list").isFalse();
        assertThat(bob.mayRead("paris", "alice", false)).as("a namesake on another PBX").isFalse();
        assertThat(bob.mayRead("berlin", null, false)).as("a recording without owner").isFalse();
    }

    @Test
    void onlyMeHidesARecordingFromEveryoneButItsOwnerAndTheAdministrators() {
        Viewer bob = viewer("bob", Role.SUPERVISOR, "berlin", Set.of("bob", "alice"));
        assertThat(bob.mayRead("berlin", "alice", true)).isFalse();
        assertThat(bob.mayRead("berlin", "bob", true)).isTrue();
    }

    @Test
    void aViewerSeesThemselvesTheirListsAndTheGroupsTheyManage() {
        assertThat(Viewer.ownersSeen("bob", false, List.of("alice"), List.of("carol"), EVERYONE_LICENSED))
                .containsExactlyInAnyOrder("bob", "alice", "carol");
        assertThat(Viewer.ownersSeen("bob", false, List.of(), List.of(), EVERYONE_LICENSED)).containsExactly("bob");
    }

    @Test
    void recordingsOfOwnersWithoutALicenceAreShownToAdministratorsOnly() {
        assertThat(Viewer.ownersSeen("bob", false, List.of("alice", "dave"), List.of(), Set.of("bob", "alice")))
                .containsExactlyInAnyOrder("bob", "alice");
        assertThat(Viewer.ownersSeen("bob", false, List.of("alice"), List.of(), Set.of("alice")))
                .as("not even their own").containsExactly("alice");
    }

    @Test
    void fourEyesShowsNothingUntilTheMonitorGrantsIt() {
        assertThat(Viewer.ownersSeen("bob", true, List.of("alice"), List.of("carol"), EVERYONE_LICENSED)).isEmpty();
        Viewer waiting = viewer("bob", Role.USER, "berlin", Viewer.ownersSeen("bob", true, List.of(), List.of(), EVERYONE_LICENSED));
        assertThat(waiting.mayRead("berlin", "bob", false)).as("not even their own").isFalse();
    }
}
