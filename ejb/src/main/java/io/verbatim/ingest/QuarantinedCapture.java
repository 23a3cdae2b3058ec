package io.verbatim.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An upload we refused, kept with its bytes and the reason, so nothing a device sent is ever lost. */
@Entity
@Table(name = "quarantined_capture")
public class QuarantinedCapture {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String pbx;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "blob_key", nullable = false, length = 120)
    private String blobKey;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected QuarantinedCapture() {
    }

    public QuarantinedCapture(String pbx, String fileName, Instant receivedAt, long size, String sha256, String blobKey, String reason) {
        this.pbx = pbx;
        this.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.receivedAt = receivedAt;
        this.size = size;
        this.sha256 = sha256;
        this.blobKey = blobKey;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getFileName() { return fileName; }
    public Instant getReceivedAt() { return receivedAt; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public String getBlobKey() { return blobKey; }
    public String getReason() { return reason; }
}
