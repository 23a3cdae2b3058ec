package io.verbatim.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A recording shared with one recipient by a link: the link's token is kept as its hash only, so the database alone
 * opens nothing. It works until it expires, is revoked, or its recording leaves; with a password, too many wrong ones
 * revoke it.
 */
@Entity
@Table(name = "recording_share")
public class RecordingShare {

    /** Wrong passwords a share takes before it is revoked (a guesser gets this many tries, not a dictionary's worth). */
    static final int WRONG_PASSWORDS_ALLOWED = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recording_id", nullable = false)
    private long recordingId;

    private String pbx;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "shared_by", nullable = false)
    private String sharedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "wrong_passwords", nullable = false)
    private int wrongPasswords;

    @Column(nullable = false)
    private int uses;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected RecordingShare() {
    }

    RecordingShare(long recordingId, String pbx, String tokenHash, String email, String sharedBy, Instant createdAt,
                   Instant expiresAt, String passwordHash) {
        this.recordingId = recordingId;
        this.pbx = pbx;
        this.tokenHash = tokenHash;
        this.email = email;
        this.sharedBy = sharedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.passwordHash = passwordHash;
    }

    /** Whether the link still opens at {@code now} (its recording's state aside). */
    public boolean isOpen(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    /** @return whether this wrong password was one too many (and the share is revoked for it) */
    boolean wrongPassword(Instant at) {
        wrongPasswords++;
        if (wrongPasswords >= WRONG_PASSWORDS_ALLOWED) {
            revoke("too many wrong passwords", at);
            return true;
        }
        return false;
    }

    void used(Instant at) {
        uses++;
        lastUsedAt = at;
    }

    public Long getId() { return id; }
    public long getRecordingId() { return recordingId; }
    public String getPbx() { return pbx; }
    public String getEmail() { return email; }
    public String getSharedBy() { return sharedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public boolean isPasswordProtected() { return passwordHash != null; }
    String getPasswordHash() { return passwordHash; }
    public int getWrongPasswords() { return wrongPasswords; }
    public int getUses() { return uses; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedBy() { return revokedBy; }
}
