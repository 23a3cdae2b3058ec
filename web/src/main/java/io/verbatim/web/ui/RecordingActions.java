package io.verbatim.web.ui;

import io.verbatim.lifecycle.Deletion;
import io.verbatim.lifecycle.RecordingLifecycle;
import io.verbatim.recording.Recording;
import io.verbatim.seal.SealCheck;
import io.verbatim.seal.Seals;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/** What a row of the Recordings page offers besides playing: protection, deletion and checking the seal. */
@Named
@RequestScoped
public class RecordingActions {

    @Inject
    RecordingLifecycle lifecycle;

    @Inject
    Seals seals;

    public void protect(Recording r) {
        Pages.attempt(() -> lifecycle.protect(r.getId()));
    }

    public void unprotect(Recording r) {
        Pages.attempt(() -> lifecycle.unprotect(r.getId()));
    }

    public void delete(Recording r) {
        Pages.attempt(() -> Pages.say(lifecycle.delete(r.getId()) == Deletion.RECYCLE_BIN
                ? "Recording " + r.getId() + " moved to the recycle bin" : "Recording " + r.getId() + " deleted for good"));
    }

    public void verifySeal(Recording r) {
        Pages.attempt(() -> {
            SealCheck check = seals.verify(r.getId());
            String text = "Recording " + r.getId() + ": seal " + check.verdict().name().toLowerCase(Locale.ROOT)
                    + (check.reason() == null ? "" : ", " + check.reason());
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(check.verdict() == SealCheck.Verdict.ALTERED
                    ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_INFO, text, null));
        });
    }
}
