package io.verbatim.web.ui;

import io.verbatim.access.Impersonation;
import io.verbatim.settings.Settings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The signed-in user's name for the header, an administrator's "view as" and banners, and signing out. */
@Named
@RequestScoped
public class SessionActions {

    @Inject
    FacesContext faces;

    @Inject
    Impersonation impersonation;

    @Inject
    Settings settings;

    /** Administrators are told until the PBX has a name (innovaphone: "PBX name missing"). */
    public boolean isPbxNameMissing() {
        return faces.getExternalContext().isUserInRole("ADMIN") && settings.pbxName().isEmpty();
    }

    public String getUsername() {
        return faces.getExternalContext().getUserPrincipal() == null ? "" : faces.getExternalContext().getUserPrincipal().getName();
    }

    /** Whom an administrator is viewing the recordings as, or empty. */
    public String getViewingAs() {
        Object username = faces.getExternalContext().getSessionMap().get(ViewingAsFilter.SESSION_ATTRIBUTE);
        return username == null ? "" : (String) username;
    }

    public void stopViewingAs() throws IOException {
        String username = getViewingAs();
        if (!username.isEmpty()) {
            impersonation.stop(username);
            faces.getExternalContext().getSessionMap().remove(ViewingAsFilter.SESSION_ATTRIBUTE);
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
