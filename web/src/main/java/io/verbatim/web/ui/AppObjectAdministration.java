package io.verbatim.web.ui;

import io.verbatim.access.AppObjectProfile;
import io.verbatim.access.AppObjects;
import io.verbatim.access.DeletionMode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The App objects page (administrators): who is on each, whose recordings they also see, deletion mode, monitor. */
@Named
@ViewScoped
public class AppObjectAdministration extends EntryAdministration {

    @Inject
    AppObjects appObjects;

    private String name;
    private String pbx;
    /** Groups and users, picked by name. */
    private List<String> members = new ArrayList<>();
    private String accessList;
    private DeletionMode deletionMode = DeletionMode.RECOVERABLE;
    private String monitor;
    private boolean editing;
    private List<AppObjectProfile> list;

    public List<AppObjectProfile> getAppObjects() {
        if (list == null) {
            list = appObjects.list();
        }
        return list;
    }

    public DeletionMode[] getDeletionModes() {
        return DeletionMode.values();
    }

    public void save() {
        list = null;
        if (Pages.attempt(() -> appObjects.save(name, new AppObjectProfile(name, pbx, new LinkedHashSet<>(members), Pages.names(accessList),
                deletionMode, monitor == null ? "" : monitor.trim())))) {
            Pages.say("Saved app object " + name + ".");
            clear();
        }
    }

    public void edit(String appObjectName) {
        AppObjectProfile a = appObjects.get(appObjectName);
        name = a.name();
        pbx = a.pbx();
        members = new ArrayList<>(a.members());
        accessList = String.join(", ", a.accessList());
        deletionMode = a.deletionMode();
        monitor = a.monitor();
        editing = true;
    }

    public void delete(String appObjectName) {
        list = null;
        if (Pages.attempt(() -> appObjects.delete(appObjectName))) {
            Pages.say("Deleted app object " + appObjectName + ".");
        }
    }

    public void clear() {
        name = pbx = accessList = monitor = null;
        members = new ArrayList<>();
        deletionMode = DeletionMode.RECOVERABLE;
        editing = false;
    }


    public boolean isEditing() { return editing; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPbx() { return pbx; }
    public void setPbx(String pbx) { this.pbx = pbx; }
    public List<String> getMembers() { return members; }
    public void setMembers(List<String> members) { this.members = members == null ? new ArrayList<>() : members; }
    public String getAccessList() { return accessList; }
    public void setAccessList(String accessList) { this.accessList = accessList; }
    public DeletionMode getDeletionMode() { return deletionMode; }
    public void setDeletionMode(DeletionMode deletionMode) { this.deletionMode = deletionMode; }
    public String getMonitor() { return monitor; }
    public void setMonitor(String monitor) { this.monitor = monitor; }
}
