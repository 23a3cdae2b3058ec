package io.verbatim.web.ui;

import io.verbatim.access.ViewAs;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Licences;
import io.verbatim.directory.Role;
import io.verbatim.directory.UserChange;
import io.verbatim.directory.UserImport;
import io.verbatim.directory.UserProfile;
import io.verbatim.refusal.Refusal;
import io.verbatim.web.security.SignedIn;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.primefaces.model.file.UploadedFile;

/** The Users page (administrators): search, create, edit, activate or deactivate, give or take a licence, view as. */
@Named
@ViewScoped
public class UserAdministration implements Serializable {

    @Inject
    Directory directory;

    @Inject
    Licences licences;

    @Inject
    ViewAs viewAs;

    @Inject
    UserImport userImport;

    private transient UploadedFile csv;

    private String search;
    private String newUsername;
    private String newDisplayName;
    private String newPassword;
    private Role newRole = Role.USER;
    private String newNumbers;
    private String newPbx;
    private boolean newLicensed = true;
    private String newEmail;
    private String newTimezone;
    /** The user being edited, or null when the form creates one. */
    private String editing;

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

    public Role[] getRoles() {
        return Role.values();
    }

    public String numbers(UserProfile u) {
        return String.join(", ", u.numbers());
    }

    /** Creates the user in the form, or saves the changes to the one being edited (an empty password stays as it was). */
    public void save() {
        Set<String> numbers = Pages.names(newNumbers);
        String password = newPassword == null || newPassword.isEmpty() ? null : newPassword;
        String email = newEmail == null ? "" : newEmail;
        String timezone = newTimezone == null ? "" : newTimezone;
        if (editing != null) {
            if (attempt(() -> directory.updateUser(editing, new UserChange(null, password, null, newDisplayName == null ? "" : newDisplayName,
                    newRole, numbers, email, timezone, newLicensed, null)))) {
                Pages.say("Saved " + editing + ".");
                clear();
            }
        } else if (attempt(() -> directory.createUser(new UserChange(newUsername, password, newPbx, newDisplayName, newRole, numbers,
                email, timezone, newLicensed, true)))) {
            Pages.say("Created " + newUsername + ".");
            clear();
        }
    }

    /** Fills the form with a user's details to change them. */
    public void edit(String username) {
        UserProfile u = directory.user(username);
        editing = u.username();
        newUsername = u.username();
        newDisplayName = u.displayName();
        newPassword = null;
        newRole = u.role();
        newNumbers = String.join(", ", u.numbers());
        newPbx = u.pbx();
        newLicensed = u.licensed();
        newEmail = u.email();
        newTimezone = u.timezone();
    }

    public void clear() {
        editing = newUsername = newDisplayName = newPassword = newNumbers = newEmail = newTimezone = null;
        newRole = Role.USER;
        newLicensed = true;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public void toggleActive(String username) {
        UserProfile u = directory.user(username);
        if (attempt(() -> directory.updateUser(username, UserChange.active(!u.active())))) {
            Pages.say((u.active() ? "Deactivated " : "Activated ") + username + ".");
        }
    }

    /** Creates users from an uploaded CSV file; says how many were created and why each refused line was. */
    public void importCsv() throws IOException {
        users = null;
        if (csv == null || csv.getSize() == 0) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a CSV file first.", null));
            return;
        }
        try (Reader reader = new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8)) {
            UserImport.Report report = userImport.importCsv(reader);
            Pages.say("Imported " + report.created() + " user(s) from " + csv.getFileName() + "; " + report.refused().size() + " line(s) refused.");
            for (UserImport.Refused line : report.refused()) {
                FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        "Line " + line.line() + (line.username() == null ? "" : " (" + line.username() + ")") + ": " + line.reason(), null));
            }
        } catch (Refusal | IllegalArgumentException e) { // the file as a whole: its header, its size, not CSV at all
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public UploadedFile getCsv() { return csv; }
    public void setCsv(UploadedFile csv) { this.csv = csv; }

    /** Looks at the recordings as this user sees them, read-only, until stopped from the header. */
    public void viewAs(String username) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getSessionMap().put(SignedIn.VIEWING_AS, viewAs.start(username));
        external.redirect(external.getRequestContextPath() + "/app/recordings.xhtml");
    }

    public void toggleLicence(String username) {
        UserProfile u = directory.user(username);
        attempt(() -> directory.updateUser(username, UserChange.licensed(!u.licensed())));
    }

    private boolean attempt(Runnable change) {
        users = null;
        return Pages.attempt(change);
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
    public String getNewEmail() { return newEmail; }
    public void setNewEmail(String newEmail) { this.newEmail = newEmail; }
    public String getNewTimezone() { return newTimezone; }
    public void setNewTimezone(String newTimezone) { this.newTimezone = newTimezone; }
    public boolean isNewLicensed() { return newLicensed; }
    public void setNewLicensed(boolean newLicensed) { this.newLicensed = newLicensed; }
}
