package io.verbatim.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The signed-in user's name for the header, and signing out. */
@Named
@RequestScoped
public class SessionActions {

    @Inject
    FacesContext faces;

    public String getUsername() {
        return faces.getExternalContext().getUserPrincipal() == null ? "" : faces.getExternalContext().getUserPrincipal().getName();
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
        faces.responseComplete();
    }
}
