package io.verbatim.delivery;

import io.verbatim.access.AccessPolicy;
import io.verbatim.access.Viewer;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogged;
import io.verbatim.audit.Outcome;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Groups;
import io.verbatim.directory.UserAccount;
import io.verbatim.directory.UserGroup;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingChanged;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.settings.InvalidSettingException;
import io.verbatim.settings.PublicUrl;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Mail delivery rules (who gets whose recordings by mail) and the outbox they fill: a row per recording and recipient,
 * written in the transaction that made the recording READY, so a recording is mailed if and only if its conversion is
 * kept. A user keeps rules for themselves; an administrator for anyone of their PBX (the operator: of any PBX).
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class MailRules {

    static final int DEFAULT_ATTACH_MB = 10;
    /** What mail servers commonly take, with the base64 of an attachment a third larger than the file. */
    static final int LARGEST_ATTACH_MB = 25;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    Directory directory;

    @Inject
    Groups groups;

    @Inject
    ActionLog actionLog;

    /** The rules the caller keeps: an administrator's PBX's (the operator's: all), anybody else's own. */
    public List<MailRule> list() {
        Viewer viewer = access.currentViewer();
        if (viewer.administers()) {
            return viewer.pbx() == null ? em.createQuery("select r from MailRule r order by r.id", MailRule.class).getResultList()
                    : em.createQuery("select r from MailRule r where r.pbx = :pbx order by r.id", MailRule.class)
                    .setParameter("pbx", viewer.pbx()).getResultList();
        }
        return em.createQuery("select r from MailRule r where r.recipient = :me order by r.id", MailRule.class)
                .setParameter("me", viewer.username()).getResultList();
    }

    /** @throws NoSuchEntryException when it does not exist or is not the caller's to see */
    public MailRule get(long id) {
        MailRule rule = em.find(MailRule.class, id);
        Viewer viewer = access.currentViewer();
        if (rule == null || !keeps(viewer, rule)) {
            throw new NoSuchEntryException("mail rule " + id);
        }
        return rule;
    }

    /**
     * @param pbx the operator's choice of PBX for a group's rule (a PBX's administrator's is theirs; others' their own);
     *            {@code null}: a recipient's rule is their PBX's, a group's the operator's own
     */
    public MailRule add(String pbx, MailRuleSpec spec) {
        Viewer viewer = access.actingViewer();
        String named = blank(pbx) ? null : pbx.strip();
        if (named != null && viewer.pbx() != null && !named.equals(viewer.pbx())) {
            throw new InvalidSettingException("pbx " + named + " is not yours: only the operator names another PBX");
        }
        String scope = viewer.pbx() != null ? viewer.pbx() : named;
        PublicUrl.required("mail rules", "their mails link to the recording");
        String recipient = blank(spec.recipient()) ? null : spec.recipient().strip();
        String recipientGroup = blank(spec.recipientGroup()) ? null : spec.recipientGroup().strip();
        String ofGroup = blank(spec.ofGroup()) ? null : spec.ofGroup().strip();
        if (!viewer.administers()) {
            if (recipientGroup != null) {
                throw new InvalidSettingException("recipientGroup: only administrators mail a group's members");
            }
            if (recipient != null && !recipient.equals(viewer.username())) {
                throw new InvalidSettingException("recipient must be yourself (" + viewer.username() + "): only administrators"
                        + " keep rules for others");
            }
            recipient = viewer.username();
        }
        if ((recipient == null) == (recipientGroup == null)) {
            throw new InvalidSettingException("recipient or recipientGroup is required, not both");
        }
        if (recipientGroup != null && ofGroup != null) {
            throw new InvalidSettingException("ofGroup goes with recipient, not with recipientGroup (whose members get their own)");
        }
        String ruleScope;
        if (recipient != null) {
            UserAccount user = directory.findByUsername(recipient).filter(u -> scope == null || scope.equals(u.getPbx()))
                    .orElseThrow(() -> new InvalidSettingException("recipient " + spec.recipient() + " is no user of "
                            + (scope == null ? "yours" : scope)));
            if (blank(user.getEmail())) {
                throw new InvalidSettingException("recipient " + recipient + " has no email address: set one on the Users page first");
            }
            ruleScope = user.getPbx();
        } else {
            ruleScope = scope;
            group(recipientGroup, ruleScope, "recipientGroup");
        }
        if (ofGroup != null) {
            group(ofGroup, ruleScope, "ofGroup");
        }
        int attach = spec.attachUpToMb() == null ? DEFAULT_ATTACH_MB : spec.attachUpToMb();
        if (attach < 0 || attach > LARGEST_ATTACH_MB) {
            throw new InvalidSettingException("attachUpToMb must be between 0 (always a link) and " + LARGEST_ATTACH_MB);
        }
        String subject = blank(spec.subjectTemplate()) ? MailTemplate.DEFAULT_SUBJECT : spec.subjectTemplate().strip();
        String body = blank(spec.bodyTemplate()) ? MailTemplate.DEFAULT_BODY.strip() : spec.bodyTemplate().strip();
        MailTemplate.check(subject, "subjectTemplate", MailTemplate.SUBJECT_LENGTH);
        MailTemplate.check(body, "bodyTemplate", MailTemplate.BODY_LENGTH);
        if (subject.contains("\n")) {
            throw new InvalidSettingException("subjectTemplate must be one line");
        }
        MailRule rule = new MailRule(ruleScope, recipient, recipientGroup, ofGroup, attach, subject, body,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), viewer.username());
        em.persist(rule);
        em.flush();
        actionLog.recordAs(viewer.username(), ruleScope, Action.MAIL_RULE, Outcome.SUCCESS,
                "added mail rule " + rule.getId() + ": " + rule.describe() + ", attached up to " + attach + " MB");
        return rule;
    }

    public void remove(long id) {
        access.actingViewer();
        MailRule rule = get(id);
        em.remove(rule);
        actionLog.recordAs(access.currentViewer().username(), rule.getPbx(), Action.MAIL_RULE, Outcome.SUCCESS,
                "removed mail rule " + id + ": " + rule.describe());
    }

    /** A rule's newest deliveries (up to 200), before {@code beforeId} when given. */
    public List<MailDelivery> deliveries(long id, Long beforeId) {
        get(id);
        return em.createQuery("select d from MailDelivery d where d.ruleId = :rule and d.id < :before order by d.id desc",
                        MailDelivery.class).setParameter("rule", id)
                .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId).setMaxResults(200).getResultList();
    }

    private static boolean keeps(Viewer viewer, MailRule rule) {
        if (viewer.administers()) {
            return viewer.pbx() == null || viewer.pbx().equals(rule.getPbx());
        }
        return viewer.username().equals(rule.getRecipient());
    }

    private UserGroup group(String name, String pbx, String field) {
        return groups.findGroup(name, pbx).orElseThrow(() -> new InvalidSettingException(field + " " + name + " is no group of "
                + (pbx == null ? "the operator's" : pbx)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A recording is READY: a row for each recipient a rule names who may hear it, once per recipient (two rules, one
     * mail; converted again, not mailed again).
     */
    public void onChanged(@Observes RecordingChanged changed) {
        if (changed.change() != RecordingChanged.Change.READY) {
            return;
        }
        Recording r = em.find(Recording.class, changed.recordingId());
        if (r == null || r.getOwner() == null) {
            return;
        }
        List<MailRule> rules = em.createQuery("select r from MailRule r where r.pbx = :pbx or (r.pbx is null and :pbx is null)"
                + " order by r.id", MailRule.class).setParameter("pbx", r.getPbx()).getResultList();
        Map<String, Long> recipients = new LinkedHashMap<>();
        for (MailRule rule : rules) {
            recipientFor(rule, r).ifPresent(to -> recipients.putIfAbsent(to, rule.getId()));
        }
        if (recipients.isEmpty()) {
            return;
        }
        List<String> mailedBefore = em.createQuery("select d.recipient from MailDelivery d where d.recordingId = :id", String.class)
                .setParameter("id", r.getId()).getResultList(); // converted again: not mailed again
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        recipients.forEach((to, rule) -> {
            // one who may not hear it gets no row either: the rule's log would tell them of a call they may not know of
            // (asked again as it is sent: access may change meanwhile)
            boolean mayHear = directory.findByUsername(to).filter(UserAccount::isActive)
                    .map(u -> access.viewerInAbsence(u).mayRead(r.getPbx(), r.getOwner(), r.isOnlyMe())).orElse(false);
            if (mayHear && !mailedBefore.contains(to)) {
                em.persist(new MailDelivery(rule, r.getId(), to, now));
            }
        });
    }

    private Optional<String> recipientFor(MailRule rule, Recording r) {
        if (rule.getRecipientGroup() != null) {
            return memberOf(rule.getRecipientGroup(), rule.getPbx(), r.getOwner()) ? Optional.of(r.getOwner()) : Optional.empty();
        }
        if (rule.getOfGroup() != null) {
            return memberOf(rule.getOfGroup(), rule.getPbx(), r.getOwner()) ? Optional.of(rule.getRecipient()) : Optional.empty();
        }
        return Objects.equals(rule.getRecipient(), r.getOwner()) ? Optional.of(rule.getRecipient()) : Optional.empty();
    }

    private boolean memberOf(String group, String pbx, String username) {
        return groups.findGroup(group, pbx).map(g -> g.getMembers().stream().anyMatch(m -> m.getUsername().equals(username)))
                .orElse(false);
    }

    /** An erased recording's deliveries go with it (they name the recording and its recipient). */
    public void onLogged(@Observes ActionLogged logged) {
        if (logged.erasure()) {
            em.createQuery("delete from MailDelivery d where d.recordingId = :id").setParameter("id", logged.recordingId()).executeUpdate();
        }
    }
}
