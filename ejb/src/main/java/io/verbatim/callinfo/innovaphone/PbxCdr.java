package io.verbatim.callinfo.innovaphone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A CDR as the PBX sent it, filed under one call id it names: the call's record is rebuilt from all of them. */
@Entity
@Table(name = "pbx_cdr")
public class PbxCdr {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String pbx;

    @Column(name = "cdr_id", nullable = false, length = 64)
    private String cdrId;

    @Column(name = "call_id", nullable = false, length = 64)
    private String callId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "cdr_xml", nullable = false, length = 1_000_000)
    private String xml;

    protected PbxCdr() {
    }

    PbxCdr(String pbx, String cdrId, String callId, String xml, Instant receivedAt) {
        this.pbx = pbx;
        this.cdrId = cdrId;
        this.callId = callId;
        this.xml = xml;
        this.receivedAt = receivedAt;
    }

    /** A CDR sent again: its latest text counts. */
    void resent(String text, Instant at) {
        this.xml = text;
        this.receivedAt = at;
    }

    public String getXml() { return xml; }
    public String getCdrId() { return cdrId; }
}
