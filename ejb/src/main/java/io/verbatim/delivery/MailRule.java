package io.verbatim.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Whose recordings are mailed to whom, once each is READY: to a user ({@code recipient}) their own, or those of a
 * group's members ({@code ofGroup}); or to each member of a group ({@code recipientGroup}) their own. Whatever it says,
 * a mail goes only with a recording its recipient may hear by the access rule, checked when it is sent.
 */
@Entity
@Table(name = "mail_rule")
public class MailRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String pbx;

    private String recipient;

    @Column(name = "recipient_group")
    private String recipientGroup;

    @Column(name = "of_group")
    private String ofGroup;

    @Column(name = "attach_up_to_mb", nullable = false)
    private int attachUpToMb;

    @Column(name = "subject_template", nullable = false, length = MailTemplate.SUBJECT_LENGTH)
    private String subjectTemplate;

    @Column(name = "body_template", nullable = false, length = MailTemplate.BODY_LENGTH)
    private String bodyTemplate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected MailRule() {
    }

    MailRule(String pbx, String recipient, String recipientGroup, String ofGroup, int attachUpToMb, String subjectTemplate,
             String bodyTemplate, Instant createdAt, String createdBy) {
        this.pbx = pbx;
        this.recipient = recipient;
        this.recipientGroup = recipientGroup;
        this.ofGroup = ofGroup;
        this.attachUpToMb = attachUpToMb;
        this.subjectTemplate = subjectTemplate;
        this.bodyTemplate = bodyTemplate;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** In words, for the pages and the action log. */
    public String describe() {
        if (recipientGroup != null) {
            return "to each member of " + recipientGroup + ": their own recordings";
        }
        return "to " + recipient + (ofGroup == null ? ": their own recordings" : ": the recordings of " + ofGroup + "'s members");
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getRecipient() { return recipient; }
    public String getRecipientGroup() { return recipientGroup; }
    public String getOfGroup() { return ofGroup; }
    public int getAttachUpToMb() { return attachUpToMb; }
    public String getSubjectTemplate() { return subjectTemplate; }
    public String getBodyTemplate() { return bodyTemplate; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
