package io.verbatim.web.ui;

import io.verbatim.directory.Directory;
import io.verbatim.directory.GroupProfile;
import io.verbatim.directory.Groups;
import io.verbatim.directory.UserProfile;
import io.verbatim.tenancy.Tenants;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the forms and filters offer to pick instead of free text, where a typo would mean something else: users by
 * name (an administrator's PBX; every PBX's for the operator), groups, time zones, and the PBXs (the operator's).
 */
@Named
@ViewScoped
public class Pickers implements Serializable {

    /** How many users a picker lists for what was typed: more means typing more. */
    static final int USERS_SHOWN = 20;

    /** The region-based zones people pick (Europe/Vienna), not the legacy aliases (CET, EST5EDT, SystemV/…). */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).sorted().toList();

    @Inject
    Directory directory;

    @Inject
    Tenants tenants;

    @Inject
    Groups groups;

    /** The labels ("Maria López (maria)") of the usernames offered in this view, so a picked one reads the same. */
    private final Map<String, String> userLabels = new HashMap<>();
    private List<String> pbxNames;

    /** Usernames whose name, username, email or number holds what was typed. */
    public List<String> users(String typed) {
        return usersOf(null, typed);
    }

    /** The same, among the users of one PBX ({@code null}: any the caller administers). */
    public List<String> usersOf(String pbx, String typed) {
        List<UserProfile> found = new ArrayList<>();
        Pages.attempt(() -> found.addAll(directory.users(typed).stream()
                .filter(u -> pbx == null || Objects.equals(u.pbx(), pbx)).limit(USERS_SHOWN).toList()));
        found.forEach(u -> userLabels.put(u.username(), u.displayName() != null && !u.displayName().isBlank()
                ? u.displayName() + " (" + u.username() + ")" : u.username()));
        return found.stream().map(UserProfile::username).toList();
    }

    /** How a user reads in a picker. */
    public String userLabel(String username) {
        return username == null ? "" : userLabels.getOrDefault(username, username);
    }

    /** Groups, then users, whose name holds what was typed: an app object's members are either. */
    public List<String> groupsAndUsers(String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        Pages.attempt(() -> groups.groups().stream().map(GroupProfile::name)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(wanted)).limit(USERS_SHOWN).forEach(name -> {
                    userLabels.put(name, name + " (group)");
                    found.add(name);
                }));
        found.addAll(users(typed));
        return found;
    }

    /** Time zones (IANA names, as the JDK knows them) holding what was typed, ignoring case: "vienna", "europe/". */
    public List<String> zones(String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return ZONES.stream().filter(zone -> zone.toLowerCase(Locale.ROOT).contains(wanted)).limit(USERS_SHOWN * 2).toList();
    }

    /** The PBXs to pick from, with the one an entry has even when it is no longer among them (it shows as it is). */
    public List<String> pbxChoices(String current) {
        if (current == null || current.isBlank() || getPbxNames().contains(current)) {
            return getPbxNames();
        }
        List<String> choices = new ArrayList<>(getPbxNames());
        choices.add(current);
        return choices;
    }

    /** The PBXs the operator picks from; only one's own for anyone else. */
    public List<String> getPbxNames() {
        if (pbxNames == null) {
            List<String> found = new ArrayList<>();
            pbxNames = Pages.attempt(() -> found.addAll(tenants.names())) ? found : List.of();
        }
        return pbxNames;
    }
}
