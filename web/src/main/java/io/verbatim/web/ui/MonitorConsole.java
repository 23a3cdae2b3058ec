package io.verbatim.web.ui;

import io.verbatim.access.FourEyes;
import io.verbatim.access.FourEyesGrant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The 4-eyes page of a monitor: requests waiting for a grant, and grants that hold while the monitor is here. */
@Named
@RequestScoped
public class MonitorConsole {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    FourEyes fourEyes;

    @Inject
    FacesContext faces;

    private List<FourEyesGrant> requests;

    public List<FourEyesGrant> getRequests() {
        if (requests == null) {
            requests = fourEyes.monitoring();
        }
        return requests;
    }

    /** Grants a request for as long as this signed-in session lasts. */
    public void grant(long id) {
        fourEyes.grant(id, ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession().getId());
        requests = null;
    }

    public void revoke(long id) {
        fourEyes.revoke(id);
        requests = null;
    }

    public String requestedAt(FourEyesGrant g) {
        return TIME.format(g.getRequestedAt().atZone(ZoneId.systemDefault()));
    }
}
