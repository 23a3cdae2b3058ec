package io.verbatim.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * One further pair of credentials a PBX's phones upload with, named after the site (or group of phones) that carries
 * it, so that one site's pair can be changed or withdrawn without reconfiguring every phone. Only the password's hash
 * is kept.
 */
@Entity
@Table(name = "device_credential")
public class DeviceCredential {

    static final int NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_LENGTH)
    private String pbx;

    @Column(nullable = false, length = NAME_LENGTH)
    private String site;

    @Column(nullable = false, length = NAME_LENGTH)
    private String username;

    /** The user name without case: two pairs of one PBX may not differ only in case (phones are careless with it). */
    @Column(name = "username_key", nullable = false, length = NAME_LENGTH)
    private String usernameKey;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected DeviceCredential() {
    }

    DeviceCredential(String pbx, String site, String username, String passwordHash, Instant createdAt, String createdBy) {
        this.pbx = pbx;
        this.site = site;
        this.username = username;
        this.usernameKey = key(username);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getSite() { return site; }
    public String getUsername() { return username; }
    String getPasswordHash() { return passwordHash; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
