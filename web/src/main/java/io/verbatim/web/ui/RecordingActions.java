package io.verbatim.web.ui;

import io.verbatim.caller.Caller;
import io.verbatim.lifecycle.Deletion;
import io.verbatim.lifecycle.RecordingLifecycle;
import io.verbatim.recording.RecordingOwnership;
import io.verbatim.seal.SealCheck;
import io.verbatim.seal.Seals;
import io.verbatim.settings.Settings;
import io.verbatim.recording.RecordingSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What a row of the Recordings page offers besides playing: protection, "only me", deletion and checking the seal. */
@Named
@RequestScoped
public class RecordingActions {

    @Inject
    RecordingLifecycle lifecycle;

    @Inject
    Seals seals;

    @Inject
    RecordingOwnership ownership;

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    /** Whether each PBX allows "only me", asked once per request: every row asks. */
    private final Map<String, Boolean> onlyMeAllowed = new HashMap<>();

    public void protect(RecordingRow r) {
        Pages.attempt(() -> lifecycle.protect(r.getId()));
    }

    public void unprotect(RecordingRow r) {
        Pages.attempt(() -> lifecycle.unprotect(r.getId()));
    }

    public void delete(RecordingRow r) {
        Pages.attempt(() -> Pages.say(lifecycle.delete(r.getId()) == Deletion.RECYCLE_BIN
                ? "Recording " + r.getId() + " moved to the recycle bin" : "Recording " + r.getId() + " deleted for good"));
    }

    /**
     * Whether a row offers "only me": to its owner where the PBX allows it, and to an administrator to lift it. The
     * service decides; this only spares people a button that would be refused.
     */
    public boolean onlyMeOffered(RecordingRow r) {
        if (r.isOnlyMe()) {
            return caller.viewingAs() == null && (r.getOwner() != null && r.getOwner().equals(caller.name()) || caller.inRole("ADMIN"));
        }
        return r.getOwner() != null && r.getOwner().equals(caller.name()) && caller.viewingAs() == null
                && onlyMeAllowed.computeIfAbsent(r.getPbx(), pbx -> settings.get(pbx, RecordingSettings.ONLY_ME_ALLOWED));
    }

    public void onlyMe(RecordingRow r, boolean hidden) {
        Pages.attempt(() -> {
            ownership.markOnlyMe(r.getId(), hidden);
            Pages.say(hidden ? "Recording " + r.getId() + " is hidden from everyone but you and administrators"
                    : "Recording " + r.getId() + " is shown again to everyone who may hear it");
        });
    }

    public void verifySeal(RecordingRow r) {
        Pages.attempt(() -> {
            SealCheck check = seals.verify(r.getId());
            String text = "Recording " + r.getId() + ": seal " + check.verdict().name().toLowerCase(Locale.ROOT)
                    + (check.reason() == null ? "" : ", " + check.reason());
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(check.verdict() == SealCheck.Verdict.ALTERED
                    ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_INFO, text, null));
        });
    }
}
