package io.verbatim.callinfo.innovaphone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the CDR receiver could not use, kept as it came with the reason, for the PBX's administrator. */
@Entity
@Table(name = "refused_cdr")
public class RefusedCdr {

    /** As long as a kept body may be; the receiver refuses longer requests before reading them. */
    public static final int MAX_BODY = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String pbx;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(length = 64)
    private String sender;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    protected RefusedCdr() {
    }

    RefusedCdr(String pbx, String sender, String reason, String body, Instant receivedAt) {
        this.pbx = pbx;
        this.sender = sender;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        this.body = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        this.receivedAt = receivedAt;
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getSender() { return sender; }
    public String getReason() { return reason; }
    public String getBody() { return body; }
}
