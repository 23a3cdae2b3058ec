package io.verbatim.delivery;

import io.verbatim.access.AccessPolicy;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.directory.Directory;
import io.verbatim.directory.UserAccount;
import io.verbatim.mail.MailFailedException;
import io.verbatim.mail.MailMessage;
import io.verbatim.mail.MailRecipientRefusedException;
import io.verbatim.mail.Mailer;
import io.verbatim.media.Mp3Copy;
import io.verbatim.media.OutputFormat;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingFileName;
import io.verbatim.recording.RecordingState;
import io.verbatim.settings.PublicUrl;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.Staging;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The mail sender's steps, each in a transaction of its own: claiming due deliveries for this node (other nodes skip
 * the rows it locks, and take over a claim whose node died once it has run out), and sending one. A delivery goes
 * only if its recipient may hear the recording by the access rule, as it stands when it is sent; it is logged as a
 * download by its recipient. A failed send is tried again for a day and raises the mail alarm, which the next mail
 * that goes clears.
 */
@Stateless
@PermitAll
public class MailDeliveries {

    private static final Logger LOG = Logger.getLogger(MailDeliveries.class.getName());
    /** Longer than a send can take: an MP3 of a long call, and the SMTP server's timeouts. */
    static final Duration CLAIM = Duration.ofMinutes(5);
    /** Hibernate's lock timeout value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailTimes times;

    @Inject
    Mailer mailer;

    @Inject
    Directory directory;

    @Inject
    AccessPolicy access;

    @Inject
    BlobStore blobs;

    @Inject
    Staging staging;

    @Inject
    ActionLog actionLog;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> claim(String node, int max) {
        Instant now = Instant.now();
        List<MailDelivery> due = em.createQuery("select d from MailDelivery d where d.state = :pending and d.nextAttemptAt <= :now"
                        + " and (d.claimedUntil is null or d.claimedUntil < :now) order by d.nextAttemptAt, d.id", MailDelivery.class)
                .setParameter("pending", MailDelivery.State.PENDING).setParameter("now", now).setMaxResults(max)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).getResultList();
        due.forEach(d -> d.claim(node, now.plus(CLAIM)));
        return due.stream().map(MailDelivery::getId).toList();
    }

    /** This node's claims from before its restart, free to be sent at once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseClaimsOf(String node) {
        return em.createQuery("update MailDelivery d set d.claimedBy = null, d.claimedUntil = null where d.claimedBy = :node"
                + " and d.state = :pending").setParameter("node", node).setParameter("pending", MailDelivery.State.PENDING).executeUpdate();
    }

    /**
     * How an attempt ended, for the mail alarm: raised with {@code failure} when it failed, cleared when a mail went.
     * The sender raises or clears it after this transaction: the alarm writes the action log, whose chain this
     * transaction holds once it has logged the mail.
     */
    public record Attempt(boolean sent, String failure) {
        static final Attempt NONE = new Attempt(false, null);
    }

    /**
     * Sends one claimed delivery and stores how it went; a crash between the SMTP server's acceptance and the commit
     * sends it again (at least once).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attempt send(long deliveryId, String node) {
        MailDelivery d = em.find(MailDelivery.class, deliveryId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (d == null || d.getState() != MailDelivery.State.PENDING || !node.equals(d.getClaimedBy())) {
            return Attempt.NONE; // taken over by another node, or its recording erased
        }
        MailRule rule = em.find(MailRule.class, d.getRuleId());
        Recording r = em.find(Recording.class, d.getRecordingId());
        UserAccount user = directory.findByUsername(d.getRecipient()).orElse(null);
        String refusal = refusal(rule, r, user);
        if (refusal != null) {
            d.refused(refusal, now);
            LOG.info("Mail delivery " + d.getId() + " of recording " + d.getRecordingId() + " not sent: " + refusal);
            return Attempt.NONE;
        }
        ZoneId zone = zoneOf(user);
        Map<String, String> fields = MailTemplate.fields(r, zone);
        // the Recordings page opens its player with this call (after signing in)
        String link = PublicUrl.of("/app/recordings.xhtml?play=" + r.getId()).orElse(null);
        boolean mayAttach = rule.getAttachUpToMb() > 0;
        if (link == null && !mayAttach) {
            d.refused("VERBATIM_PUBLIC_URL is not set: a mail of a rule that never attaches needs a link to the recording", now);
            return Attempt.NONE;
        }
        Path mp3 = null;
        try {
            String name = RecordingFileName.of(r, zone) + ".mp3";
            long size = 0;
            boolean attached = false;
            if (mayAttach) { // a rule that only links needs no MP3
                mp3 = mp3Of(r, fields);
                size = Files.size(mp3);
                attached = size <= rule.getAttachUpToMb() * 1024L * 1024L;
            }
            if (!attached && link == null) {
                d.refused("the recording (" + megabytes(size) + ") is larger than this rule attaches, and VERBATIM_PUBLIC_URL is not set"
                        + " for a link to it", now);
                return Attempt.NONE;
            }
            fields.put("link", link == null ? "" : link);
            fields.put("audio", attached ? "The recording is attached: " + name + " (" + megabytes(size) + ")."
                    : mayAttach ? "The recording (" + megabytes(size) + ") is larger than this rule attaches (" + rule.getAttachUpToMb()
                    + " MB); hear it in Verbatim: " + link : "Hear it in Verbatim: " + link);
            String body = MailTemplate.fill(rule.getBodyTemplate(), fields);
            if (!attached && !MailTemplate.names(rule.getBodyTemplate(), "audio") && !MailTemplate.names(rule.getBodyTemplate(), "link")) {
                body = body + "\n\n" + fields.get("audio"); // the template forgot the link: the mail would be empty-handed
            }
            mailer.send(new MailMessage(List.of(user.getEmail()), MailTemplate.fill(rule.getSubjectTemplate(), fields), body,
                    attached ? new MailMessage.Attachment(name, "audio/mpeg", mp3) : null));
            String how = (attached ? "attached as " + name : mayAttach ? "a link (" + megabytes(size) + " over " + rule.getAttachUpToMb()
                    + " MB)" : "a link") + " to " + user.getEmail();
            d.sent(how, now);
            actionLog.recordAs(user.getUsername(), Action.DOWNLOAD, r, "mailed by mail rule " + rule.getId() + ": " + how);
            return new Attempt(true, null);
        } catch (MailRecipientRefusedException e) { // the address itself: no use trying again, nor an alarm about the server
            d.refused(e.getMessage(), now);
            LOG.warning("Mail delivery " + d.getId() + " refused: " + e.getMessage());
            return Attempt.NONE;
        } catch (IOException | RuntimeException e) { // the mail server; the MP3's reader, a template
            return failed(d, user.getEmail(), e.getMessage() == null ? e.toString() : e.getMessage(), now);
        } finally {
            if (mp3 != null) {
                try {
                    Files.deleteIfExists(mp3);
                } catch (IOException e) {
                    LOG.warning("Could not remove the staged MP3 " + mp3 + ": " + e);
                }
            }
        }
    }

    /**
     * An attempt that failed in a way {@link #send} could not store (its transaction rolled back): counted here, so it
     * is tried again with back-off and given up after a day like any other, not every time its claim runs out.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attempt failedOutside(long deliveryId, String node, String why) {
        MailDelivery d = em.find(MailDelivery.class, deliveryId);
        if (d == null || d.getState() != MailDelivery.State.PENDING || !node.equals(d.getClaimedBy())) {
            return Attempt.NONE;
        }
        return failed(d, d.getRecipient(), why, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private Attempt failed(MailDelivery d, String to, String why, Instant now) {
        Instant next = times.next(d.getCreatedAt(), d.getAttempts() + 1, now);
        d.failed(why, now, next);
        long waiting = em.createQuery("select count(d) from MailDelivery d where d.state = :pending", Long.class)
                .setParameter("pending", MailDelivery.State.PENDING).getSingleResult();
        LOG.warning("Mail delivery " + d.getId() + " failed: " + why);
        return new Attempt(false, "recording " + d.getRecordingId() + " could not be mailed to " + to + ": " + why
                + (next == null ? "; given up after a day" : "; tried again at " + next) + " (" + waiting + " mails waiting)");
    }

    private static ZoneId zoneOf(UserAccount user) {
        try {
            return user.getTimezone() != null ? ZoneId.of(user.getTimezone()) : ZoneId.systemDefault();
        } catch (java.time.DateTimeException e) { // a zone this Java no longer knows: the server's, rather than no mail
            return ZoneId.systemDefault();
        }
    }

    /** Why a delivery may not go (the recipient's standing now, not when the rule was made); null when it may. */
    private String refusal(MailRule rule, Recording r, UserAccount user) {
        if (rule == null || r == null || r.getDeletedAt() != null || r.getState() != RecordingState.READY) {
            return "the recording is no longer there to mail";
        }
        if (user == null || !user.isActive()) {
            return "user " + (user == null ? "" : user.getUsername() + " ") + "is not an active user";
        }
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return "user " + user.getUsername() + " has no email address";
        }
        if (!access.viewerInAbsence(user).mayRead(r.getPbx(), r.getOwner(), r.isOnlyMe())) {
            return "user " + user.getUsername() + " may not hear recording " + r.getId() + " by the access rule";
        }
        return null;
    }

    /** The audio as MP3 in the staging folder: as stored when it is MP3, else encoded from the WAV. */
    private Path mp3Of(Recording r, Map<String, String> fields) throws IOException {
        Path file = staging.newFile(".mp3");
        OutputFormat format = r.audioOutputFormat();
        try (SeekableByteChannel stored = blobs.open(r.getAudioKey()); InputStream in = Channels.newInputStream(stored)) {
            if (format.extension().equals("mp3")) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    in.transferTo(out);
                }
            } else {
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    Mp3Copy.write(in, out, Map.of("INAM", MailTemplate.fill("{direction} call {remoteName} {remote} {date} {time}", fields),
                            "IPRD", r.getPbx() == null ? "" : r.getPbx(), "ISFT", "Verbatim"));
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new IOException("the audio of recording " + r.getId() + " could not be made an MP3: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
