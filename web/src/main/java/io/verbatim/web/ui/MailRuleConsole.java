package io.verbatim.web.ui;

import io.verbatim.delivery.MailDelivery;
import io.verbatim.delivery.MailRule;
import io.verbatim.delivery.MailRuleSpec;
import io.verbatim.delivery.MailRules;
import io.verbatim.delivery.MailTemplate;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Mail page: rules that mail recordings as they are ready. Everyone adds rules for themselves (their own
 * recordings, or a group's members' they may hear); administrators also for a user of theirs or each member of a group.
 * Each rule's mails show with how they went.
 */
@Named
@ViewScoped
public class MailRuleConsole implements Serializable {

    @Inject
    MailRules rules;

    private transient List<MailRule> shown;
    private Long watched;

    private String recipient;
    private String recipientGroup;
    private String ofGroup;
    private Integer attachUpToMb = 10;
    private String subjectTemplate = MailTemplate.DEFAULT_SUBJECT;
    private String bodyTemplate = MailTemplate.DEFAULT_BODY.strip();

    public List<MailRule> getRules() {
        if (shown == null) {
            AtomicReference<List<MailRule>> read = new AtomicReference<>(List.of());
            Pages.attempt(() -> read.set(rules.list()));
            shown = read.get();
        }
        return shown;
    }

    public void add() {
        MailRuleSpec spec = new MailRuleSpec(recipient, recipientGroup, ofGroup, attachUpToMb, subjectTemplate, bodyTemplate);
        if (Pages.attempt(() -> rules.add(null, spec), "mail", Map.of())) {
            Pages.say("Added: recordings ready from now on are mailed.");
            recipient = null;
            recipientGroup = null;
            ofGroup = null;
            attachUpToMb = 10;
            subjectTemplate = MailTemplate.DEFAULT_SUBJECT;
            bodyTemplate = MailTemplate.DEFAULT_BODY.strip();
            shown = null;
        }
    }

    public void remove(MailRule rule) {
        if (Pages.attempt(() -> rules.remove(rule.getId()))) {
            Pages.say("Removed mail rule " + rule.getId() + ".");
            if (rule.getId().equals(watched)) {
                watched = null;
            }
            shown = null;
        }
    }

    public void watch(MailRule rule) {
        watched = rule.getId().equals(watched) ? null : rule.getId();
    }

    /** The mails of the rule whose log is open, newest first. */
    public List<MailDelivery> getDeliveries() {
        if (watched == null) {
            return List.of();
        }
        AtomicReference<List<MailDelivery>> read = new AtomicReference<>(List.of());
        Pages.attempt(() -> read.set(rules.deliveries(watched, null)));
        return read.get();
    }

    public Long getWatched() { return watched; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getRecipientGroup() { return recipientGroup; }
    public void setRecipientGroup(String recipientGroup) { this.recipientGroup = recipientGroup; }
    public String getOfGroup() { return ofGroup; }
    public void setOfGroup(String ofGroup) { this.ofGroup = ofGroup; }
    public Integer getAttachUpToMb() { return attachUpToMb; }
    public void setAttachUpToMb(Integer attachUpToMb) { this.attachUpToMb = attachUpToMb; }
    public String getSubjectTemplate() { return subjectTemplate; }
    public void setSubjectTemplate(String subjectTemplate) { this.subjectTemplate = subjectTemplate; }
    public String getBodyTemplate() { return bodyTemplate; }
    public void setBodyTemplate(String bodyTemplate) { this.bodyTemplate = bodyTemplate; }
}
