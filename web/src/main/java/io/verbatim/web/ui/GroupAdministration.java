package io.verbatim.web.ui;

import io.verbatim.directory.GroupProfile;
import io.verbatim.directory.Groups;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The Groups page (administrators): members, managing supervisors, licence and time zone of each group. */
@Named
@ViewScoped
public class GroupAdministration extends EntryAdministration {

    @Inject
    Groups groupsOfPbx;

    private String name;
    private String pbx;
    /** Usernames, picked by name. */
    private List<String> members = new ArrayList<>();
    private List<String> managers = new ArrayList<>();
    private String timezone;
    private boolean licensed;
    private boolean editing;
    private List<GroupProfile> groups;

    public List<GroupProfile> getGroups() {
        if (groups == null) {
            groups = groupsOfPbx.groups();
        }
        return groups;
    }

    public void save() {
        groups = null;
        GroupProfile wanted = new GroupProfile(name, pbx, timezone == null ? "" : timezone, new LinkedHashSet<>(members), new LinkedHashSet<>(managers),
                licensed);
        if (Pages.attempt(() -> {
            if (editing) {
                groupsOfPbx.saveGroup(name, wanted);
            } else {
                groupsOfPbx.createGroup(name, wanted);
            }
        })) {
            Pages.say("Saved group " + name + ".");
            clear();
        }
    }

    public void edit(String groupName) {
        GroupProfile g = groupsOfPbx.group(groupName);
        name = g.name();
        pbx = g.pbx();
        members = new ArrayList<>(g.members());
        managers = new ArrayList<>(g.managers());
        timezone = g.timezone();
        licensed = Boolean.TRUE.equals(g.licensed());
        editing = true;
    }

    public void delete(String groupName) {
        groups = null;
        if (Pages.attempt(() -> groupsOfPbx.deleteGroup(groupName))) {
            Pages.say("Deleted group " + groupName + ".");
        }
    }

    public void clear() {
        name = pbx = timezone = null;
        members = new ArrayList<>();
        managers = new ArrayList<>();
        licensed = false;
        editing = false;
    }


    public boolean isEditing() { return editing; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPbx() { return pbx; }
    public void setPbx(String pbx) { this.pbx = pbx; }
    public List<String> getMembers() { return members; }
    public void setMembers(List<String> members) { this.members = members == null ? new ArrayList<>() : members; }
    public List<String> getManagers() { return managers; }
    public void setManagers(List<String> managers) { this.managers = managers == null ? new ArrayList<>() : managers; }
    public String getTimezone() { return timezone; }
    public void setTimezone(String timezone) { this.timezone = timezone; }
    public boolean isLicensed() { return licensed; }
    public void setLicensed(boolean licensed) { this.licensed = licensed; }
}
