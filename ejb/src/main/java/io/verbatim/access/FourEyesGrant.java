package io.verbatim.access;

import io.verbatim.directory.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's request to see an app object's recordings under 4-eyes, the monitor's grant, and its end. */
@Entity
@Table(name = "four_eyes_grant")
public class FourEyesGrant {

    public enum State { REQUESTED, GRANTED, ENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "app_object_id")
    private AppObject appObject;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @ManyToOne(optional = false)
    @JoinColumn(name = "monitor_id")
    private UserAccount monitor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 255)
    private String endReason;

    /** The monitor's signed-in session the grant lives with. */
    @Column(name = "monitor_session", length = 128)
    private String monitorSession;

    /** When a page of the monitor's session was last open, on any node (the grant ends once that is too long ago). */
    @Column(name = "monitor_seen_at")
    private Instant monitorSeenAt;

    /** When it was last requested, granted or ended: what the nodes look for to tell pages of changes. */
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected FourEyesGrant() {
    }

    FourEyesGrant(AppObject appObject, UserAccount user, UserAccount monitor, Instant now) {
        this.appObject = appObject;
        this.user = user;
        this.monitor = monitor;
        this.state = State.REQUESTED;
        this.requestedAt = now;
        this.changedAt = now;
    }

    void grant(String session, Instant now) {
        state = State.GRANTED;
        grantedAt = now;
        monitorSession = session;
        monitorSeenAt = now;
        changedAt = now;
    }

    public Long getId() { return id; }
    public AppObject getAppObject() { return appObject; }
    public UserAccount getUser() { return user; }
    public UserAccount getMonitor() { return monitor; }
    public State getState() { return state; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getGrantedAt() { return grantedAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndReason() { return endReason; }
    public Instant getMonitorSeenAt() { return monitorSeenAt; }
    public Instant getChangedAt() { return changedAt; }
}
