package io.verbatim.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A blob to be removed from the store once no row names it; the row goes when that is settled. */
@Entity
@Table(name = "blob_disposal")
public class BlobDisposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "blob_key", nullable = false, length = 120)
    private String blobKey;

    @Column(nullable = false, length = 255)
    private String reason;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected BlobDisposal() {
    }

    BlobDisposal(String blobKey, String reason, Instant requestedAt) {
        this.blobKey = blobKey;
        this.reason = reason.length() > 255 ? reason.substring(0, 255) : reason;
        this.requestedAt = requestedAt;
    }

    public Long getId() { return id; }
    public String getBlobKey() { return blobKey; }
    public String getReason() { return reason; }
    public Instant getRequestedAt() { return requestedAt; }
}
