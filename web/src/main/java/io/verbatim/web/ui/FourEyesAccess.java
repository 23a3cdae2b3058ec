package io.verbatim.web.ui;

import io.verbatim.access.FourEyes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The Recordings page's 4-eyes banner: whether the viewer's recordings wait for a monitor's grant, and asking for it. */
@Named
@ViewScoped
public class FourEyesAccess implements Serializable {

    @Inject
    FourEyes fourEyes;

    private FourEyes.Standing standing; // per view: a grant or its end reloads the page

    public FourEyes.Standing getStanding() {
        if (standing == null) {
            standing = fourEyes.standing();
        }
        return standing;
    }

    public void request() {
        fourEyes.request();
        standing = null;
    }
}
