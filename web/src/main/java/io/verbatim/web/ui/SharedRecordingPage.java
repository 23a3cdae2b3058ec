package io.verbatim.web.ui;

import io.verbatim.refusal.Refusal;
import io.verbatim.sharing.RecordingShares;
import io.verbatim.sharing.SharedRecording;
import io.verbatim.web.security.ShareSessions;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The page a share's link opens, for someone who does not sign in: the call in a line, a player and a download, after
 * the password when the share has one; or why the link no longer opens.
 */
@Named
@ViewScoped
public class SharedRecordingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RecordingShares shares;

    private String token;
    private SharedRecording shared;
    private String unavailable;
    private String password;
    private boolean unlocked;

    /** Reads the link's share (the view action, once the token is set). */
    public void load() {
        try {
            shared = shares.open(token);
            unlocked = !shared.passwordProtected() || ShareSessions.unlocked(request(), token);
        } catch (Refusal e) {
            shared = null;
            unavailable = capitalised(e.getMessage()) + ".";
        }
    }

    public void unlock() {
        try {
            if (shares.unlock(token, password == null ? new char[0] : password.toCharArray())) {
                ShareSessions.unlock(request(), token);
                unlocked = true;
            } else {
                FacesContext.getCurrentInstance().addMessage("share:password",
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong password.", "Wrong password: ask whoever shared it."));
            }
        } catch (Refusal e) { // the last wrong one revoked it
            shared = null;
            unavailable = capitalised(e.getMessage()) + ".";
        }
        password = null;
    }

    public String getAudioUrl() {
        return request().getContextPath() + "/api/v1/shared/" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "/audio";
    }

    public String getExpires() {
        return shared == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(shared.expiresAt().atZone(ZoneId.systemDefault()))
                + " (" + ZoneId.systemDefault().getId() + ")";
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public SharedRecording getShared() { return shared; }
    public String getUnavailable() { return unavailable; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isUnlocked() { return unlocked; }
}
