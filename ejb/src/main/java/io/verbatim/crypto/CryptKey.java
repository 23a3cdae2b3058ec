package io.verbatim.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the key ring: a crypt key an administrator set, for a PBX or (pbx null) the deployment, its data key
 * encrypted by the master key.
 */
@Entity
@Table(name = "crypt_key")
public class CryptKey {

    @Id
    @Column(length = 16)
    private String id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 255)
    private String createdBy;

    /** A salted hash of the crypt key as typed, to know it again (the data key is random, not derived from it). */
    @Column(nullable = false, length = 255)
    private String fingerprint;

    @Column(name = "encrypted_keyset", nullable = false, length = 4000)
    private String encryptedKeyset;

    @Column(nullable = false)
    private boolean active;

    @Column(length = 100)
    private String pbx;

    protected CryptKey() {
    }

    CryptKey(String id, String pbx, Instant createdAt, String createdBy, String fingerprint, String encryptedKeyset) {
        this.id = id;
        this.pbx = pbx;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.fingerprint = fingerprint;
        this.encryptedKeyset = encryptedKeyset;
    }

    void activate(boolean on) { this.active = on; }

    public String getId() { return id; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    String getFingerprint() { return fingerprint; }
    String getEncryptedKeyset() { return encryptedKeyset; }
    public boolean isActive() { return active; }
    /** The PBX whose key it is; null for the deployment's. */
    public String getPbx() { return pbx; }
}
