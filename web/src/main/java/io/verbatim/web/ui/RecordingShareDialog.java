package io.verbatim.web.ui;

import io.verbatim.sharing.RecordingShare;
import io.verbatim.sharing.RecordingShares;
import io.verbatim.sharing.ShareRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Recordings page's share dialog: mail a recording's link to someone, and its shares so far, each revocable. */
@Named("recordingShare")
@ViewScoped
public class RecordingShareDialog implements Serializable {

    @Inject
    RecordingShares shares;

    private Long recordingId;
    private String email;
    private Integer days = 7;
    private String password;

    public void open(RecordingRow r) {
        recordingId = r.getId();
        email = null;
        days = 7;
        password = null;
    }

    public List<RecordingShare> getShares() {
        List<RecordingShare> shown = new ArrayList<>();
        if (recordingId != null) {
            Pages.attempt(() -> shown.addAll(shares.of(recordingId)));
        }
        return shown;
    }

    public void share() {
        String to = email;
        if (Pages.attempt(() -> shares.share(recordingId, new ShareRequest(to, days, password)), "share",
                Map.of("expiresInDays", "days"))) {
            Pages.say("The link was mailed to " + to.strip() + ".");
            email = null;
            password = null;
            days = 7;
        }
    }

    public void revoke(RecordingShare s) {
        if (Pages.attempt(() -> shares.revoke(recordingId, s.getId()))) {
            Pages.say("The link to " + s.getEmail() + " no longer opens.");
        }
    }

    /** open, expired or revoked, as the list says it. */
    public String state(RecordingShare s) {
        return s.getRevokedAt() != null ? "revoked" : s.isOpen(Instant.now()) ? "open" : "expired";
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Integer getDays() { return days; }
    public void setDays(Integer days) { this.days = days; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
