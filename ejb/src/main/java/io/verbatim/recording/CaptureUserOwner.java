package io.verbatim.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An administrator's standing assignment of a capture user's recordings (an unregistered extension) to a user. */
@Entity
@Table(name = "capture_user_owner")
@IdClass(CaptureUserOwner.Key.class)
public class CaptureUserOwner {

    public record Key(String pbx, String captureUser) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(length = 100)
    private String pbx;

    @Id
    @Column(name = "capture_user", length = 255)
    private String captureUser;

    @Column(nullable = false, length = 255)
    private String username;

    protected CaptureUserOwner() {
    }

    CaptureUserOwner(String pbx, String captureUser, String username) {
        this.pbx = pbx;
        this.captureUser = captureUser;
        this.username = username;
    }

    public String getUsername() { return username; }

    void setUsername(String username) { this.username = username; }
}
