package io.verbatim.web.ui;

import io.verbatim.access.Impersonation;
import io.verbatim.directory.Directory;
import io.verbatim.directory.DirectoryConflictException;
import io.verbatim.directory.Licences;
import io.verbatim.directory.Role;
import io.verbatim.directory.UserChange;
import io.verbatim.directory.UserProfile;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Users page (administrators): search, create, activate or deactivate, give or take a licence. */
@Named
@ViewScoped
public class UserAdministration implements Serializable {

    @Inject
    transient Directory directory;

    @Inject
    transient Licences licences;

    @Inject
    transient Impersonation impersonation;

    private String search;
    private String newUsername;
    private String newDisplayName;
    private String newPassword;
    private Role newRole = Role.USER;
    private String newNumbers;
    private String newPbx;
    private boolean newLicensed = true;

    private List<UserProfile> users; // read once per change, not per getter call of the table

    public List<UserProfile> getUsers() {
        if (users == null) {
            users = directory.users(search);
        }
        return users;
    }

    public void find() {
        users = null;
    }

    public String getLicenceWarning() {
        return licences.status().warning();
    }

    /** The operator (in no tenant) chooses the PBX of a new user; a tenant's administrators create their own. */
    public boolean isOperator() {
        return directory.callerTenant() == null;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String numbers(UserProfile u) {
        return String.join(", ", u.numbers());
    }

    public void create() {
        Set<String> numbers = newNumbers == null || newNumbers.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(newNumbers.trim().split("[,;\\s]+")));
        if (attempt(() -> directory.createUser(new UserChange(newUsername, newPassword, newPbx, newDisplayName, newRole, numbers,
                null, null, newLicensed, true)))) {
            say(FacesMessage.SEVERITY_INFO, "Created " + newUsername + ".");
            newUsername = newDisplayName = newPassword = newNumbers = null;
        }
    }

    public void toggleActive(String username) {
        UserProfile u = directory.user(username);
        if (attempt(() -> directory.updateUser(username, new UserChange(null, null, null, null, null, null, null, null, null, !u.active())))) {
            say(FacesMessage.SEVERITY_INFO, (u.active() ? "Deactivated " : "Activated ") + username + ".");
        }
    }

    /** Looks at the recordings as this user sees them, read-only, until stopped from the header. */
    public void viewAs(String username) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getSessionMap().put(ViewingAsFilter.SESSION_ATTRIBUTE, impersonation.start(username));
        external.redirect(external.getRequestContextPath() + "/app/recordings.xhtml");
    }

    public void toggleLicence(String username) {
        UserProfile u = directory.user(username);
        attempt(() -> directory.updateUser(username, new UserChange(null, null, null, null, null, null, null, null, !u.licensed(), null)));
    }

    /** Runs a change; what the directory refuses becomes a message naming the problem. */
    private boolean attempt(Runnable change) {
        users = null;
        try {
            change.run();
            return true;
        } catch (IllegalArgumentException | DirectoryConflictException | EJBAccessException e) {
            say(FacesMessage.SEVERITY_ERROR, e.getMessage());
            return false;
        }
    }

    private static void say(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public String getNewUsername() { return newUsername; }
    public void setNewUsername(String newUsername) { this.newUsername = newUsername; }
    public String getNewDisplayName() { return newDisplayName; }
    public void setNewDisplayName(String newDisplayName) { this.newDisplayName = newDisplayName; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public Role getNewRole() { return newRole; }
    public void setNewRole(Role newRole) { this.newRole = newRole; }
    public String getNewNumbers() { return newNumbers; }
    public void setNewNumbers(String newNumbers) { this.newNumbers = newNumbers; }
    public String getNewPbx() { return newPbx; }
    public void setNewPbx(String newPbx) { this.newPbx = newPbx; }
    public boolean isNewLicensed() { return newLicensed; }
    public void setNewLicensed(boolean newLicensed) { this.newLicensed = newLicensed; }
}
