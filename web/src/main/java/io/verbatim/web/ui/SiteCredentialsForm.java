package io.verbatim.web.ui;

import io.verbatim.devices.DeviceCredential;
import io.verbatim.devices.DeviceCredentials;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The Settings page's list of a PBX's device credentials per site: add one, withdraw one (a PBX's administrators). */
@Named
@ViewScoped
public class SiteCredentialsForm implements Serializable {

    @Inject
    DeviceCredentials credentials;

    // read again after the session moves to another node: the credentials (with their password hashes) stay out of
    // the session that the cluster copies between nodes
    private transient List<DeviceCredential> shown;
    private String site;
    private String user;
    private String password;

    public List<DeviceCredential> getCredentials() {
        if (shown == null) {
            shown = credentials.list(null);
        }
        return shown;
    }

    public void add() {
        if (Pages.attempt(() -> credentials.add(null, site, user, password), "sites", Map.of())) {
            Pages.say("Device credentials of site " + site.strip() + " added: its phones upload with user " + user.strip());
            site = null;
            user = null;
            password = null;
            shown = null;
        }
    }

    public void withdraw(DeviceCredential credential) {
        if (Pages.attempt(() -> credentials.remove(credential.getId()))) {
            Pages.say("Device credentials of site " + credential.getSite() + " withdrawn: user " + credential.getUsername() + " uploads no more");
            shown = null;
        }
    }

    public String getSite() { return site; }
    public void setSite(String site) { this.site = site; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
