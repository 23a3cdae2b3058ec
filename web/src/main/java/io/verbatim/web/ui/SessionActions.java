package io.verbatim.web.ui;

import io.verbatim.access.ViewAs;
import io.verbatim.alarm.Alarm;
import io.verbatim.alarm.Alarms;
import io.verbatim.caller.Caller;
import io.verbatim.settings.Settings;
import io.verbatim.web.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/** The signed-in user's name for the header, an administrator's "view as" and banners (alarms too), and signing out. */
@Named
@RequestScoped
public class SessionActions {

    @Inject
    FacesContext faces;

    @Inject
    Caller caller;

    @Inject
    ViewAs viewAs;

    @Inject
    Settings settings;

    @Inject
    Alarms alarms;

    private Boolean operator;
    private List<Alarm> alarmsShown;

    /** Administrators are told until the PBX has a name (innovaphone: "PBX name missing"). */
    public boolean isPbxNameMissing() {
        return caller.inRole("ADMIN") && settings.pbxName(caller.tenant()).isEmpty();
    }

    /** The operator (an administrator in no PBX): the alarms and the Health page are theirs. */
    public boolean isOperator() {
        if (operator == null) {
            operator = caller.isOperator();
        }
        return operator;
    }

    /** Active alarms for the banner on every page: the operator's only. */
    public List<Alarm> getAlarms() {
        if (alarmsShown == null) {
            alarmsShown = isOperator() ? alarms.forBanner() : List.of();
        }
        return alarmsShown;
    }

    public String getUsername() {
        return caller.isSignedIn() ? caller.name() : "";
    }

    /** Whom an administrator is viewing the recordings as, or empty. */
    public String getViewingAs() {
        Object username = faces.getExternalContext().getSessionMap().get(SignedIn.VIEWING_AS);
        return username == null ? "" : (String) username;
    }

    public void stopViewingAs() throws IOException {
        String username = getViewingAs();
        if (!username.isEmpty()) {
            viewAs.stop(username);
            faces.getExternalContext().getSessionMap().remove(SignedIn.VIEWING_AS);
        }
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/app/recordings.xhtml");
        faces.responseComplete();
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
        faces.responseComplete();
    }
}
