package io.verbatim.sharing;

import io.verbatim.access.AccessPolicy;
import io.verbatim.access.ActionDeniedException;
import io.verbatim.access.Viewer;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogged;
import io.verbatim.crypto.PasswordHash;
import io.verbatim.delivery.MailTemplate;
import io.verbatim.directory.Directory;
import io.verbatim.directory.UserAccount;
import io.verbatim.mail.MailFailedException;
import io.verbatim.mail.MailMessage;
import io.verbatim.mail.Mailer;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingFileName;
import io.verbatim.recording.RecordingState;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.settings.InvalidSettingException;
import io.verbatim.settings.PublicUrl;
import io.verbatim.storage.BlobStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Sharing a recording by mail: a link for one recipient, which opens a page with a player and a download and nothing
 * else, until it expires (7 days unless asked otherwise, at most 90), is revoked, or its recording leaves; also
 * once whoever shared it may no longer hear it. Everyone who may hear a recording may share it; its sharer and the
 * PBX's administrators revoke. The link's token is mailed once and kept only as its hash; each play and download
 * through it is logged with the recipient's address as the one who did it.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class RecordingShares {

    static final int DEFAULT_DAYS = 7;
    static final int LONGEST_DAYS = 90;
    static final int SHORTEST_PASSWORD = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordingCatalog catalog;

    @Inject
    AccessPolicy access;

    @Inject
    Directory directory;

    @Inject
    Mailer mailer;

    @Inject
    ActionLog actionLog;

    @Inject
    BlobStore blobs;

    /**
     * Shares a recording the caller may hear and that has audio, and mails the link.
     *
     * @throws ShareNotMailedException when the mail did not go (nothing is shared then)
     */
    public RecordingShare share(long recordingId, ShareRequest request) {
        Viewer viewer = access.actingViewer();
        Recording r = catalog.findConverted(recordingId);
        if (!access.viewerInAbsence(directory.caller()).mayRead(r.getPbx(), r.getOwner(), r.isOnlyMe())) {
            throw new ActionDeniedException("recording " + recordingId + " is heard under 4-eyes: it is not shared, as a copy would"
                    + " outlast the monitor's grant");
        }
        String base = PublicUrl.required("shares", "the mail carries a link to the recording");
        String email = address(request.email());
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        if (days < 1 || days > LONGEST_DAYS) {
            throw new InvalidSettingException("expiresInDays must be between 1 and " + LONGEST_DAYS);
        }
        String password = request.password() == null || request.password().isEmpty() ? null : request.password();
        if (password != null && (password.length() < SHORTEST_PASSWORD || password.length() > 200)) {
            throw new InvalidSettingException("password must be " + SHORTEST_PASSWORD + " to 200 characters long (or left out)");
        }
        String token = token();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RecordingShare share = new RecordingShare(r.getId(), r.getPbx(), hash(token), email, viewer.username(), now,
                now.plus(Duration.ofDays(days)), password == null ? null : PasswordHash.of(password.toCharArray()));
        em.persist(share);
        em.flush();
        UserAccount sharer = directory.caller();
        ZoneId zone = directory.callerZone();
        String who = sharer.getDisplayName() == null || sharer.getDisplayName().isBlank() ? sharer.getUsername() : sharer.getDisplayName();
        String until = share.getExpiresAt().atZone(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " (" + zone.getId() + ")";
        String text = who + " shared the recording of a call with you:\n\n" + call(r, zone) + "\n\n"
                + "Listen to it or download it here until " + until + ":\n" + base + "/share.xhtml?t=" + token + "\n\n"
                + (password == null ? "" : "The page asks for a password; " + who + " tells you it another way than this mail.\n\n")
                + "The link is for you alone: each use of it is recorded.";
        try {
            mailer.send(new MailMessage(List.of(email), who + " shared a call recording with you", text, null));
        } catch (MailFailedException e) {
            throw new ShareNotMailedException("the link could not be mailed to " + email + ", so nothing is shared: " + e.getMessage(), e);
        }
        actionLog.record(Action.SHARE, r, "with " + email + " until " + share.getExpiresAt() + (password == null ? "" : ", with a password")
                + " (share " + share.getId() + ")");
        return share;
    }

    /**
     * A recording's shares, newest first: all of them for an administrator of its PBX, the caller's own for anybody else
     * who may hear it (whom others shared it with is theirs to know).
     */
    public List<RecordingShare> of(long recordingId) {
        Recording r = catalog.find(recordingId);
        Viewer viewer = access.currentViewer();
        // the caller's own: for an administrator, whoever made it
        String sharedBy = viewer.administers() ? "s.sharedBy" : ":me";
        TypedQuery<RecordingShare> shares = em.createQuery("select s from RecordingShare s where s.recordingId = :id and s.sharedBy = "
                + sharedBy + " order by s.id desc", RecordingShare.class).setParameter("id", r.getId());
        return (viewer.administers() ? shares : shares.setParameter("me", viewer.username())).getResultList();
    }

    /** Ends a share's link now: by whoever shared it, or an administrator of its PBX. */
    public RecordingShare revoke(long recordingId, long shareId) {
        Viewer viewer = access.actingViewer();
        Recording r = catalog.find(recordingId);
        RecordingShare share = em.find(RecordingShare.class, shareId);
        if (share == null || share.getRecordingId() != r.getId()) {
            throw new NoSuchEntryException("share " + shareId + " of recording " + recordingId);
        }
        if (!viewer.administers() && !viewer.username().equals(share.getSharedBy())) {
            throw new ActionDeniedException("share " + shareId + " is revoked by " + share.getSharedBy() + ", who made it, or an administrator");
        }
        if (share.getRevokedAt() == null) {
            share.revoke(viewer.username(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
            actionLog.record(Action.SHARE_REVOKE, r, "share " + shareId + " with " + share.getEmail());
        }
        return share;
    }

    /**
     * What the share's page shows; nothing is logged (nothing is heard yet).
     *
     * @throws NoSuchEntryException when no share has this token
     * @throws ShareUnavailableException when it no longer opens, saying why
     */
    public SharedRecording open(String token) {
        RecordingShare share = byToken(token);
        Recording r = available(share);
        ZoneId zone = ZoneId.systemDefault();
        Map<String, String> fields = MailTemplate.fields(r, zone);
        String sharer = directory.findByUsername(share.getSharedBy()).map(u -> u.getDisplayName() == null || u.getDisplayName().isBlank()
                ? u.getUsername() : u.getDisplayName()).orElse(share.getSharedBy());
        return new SharedRecording(share.getId(), call(r, zone), fields.get("duration"), sharer, share.getExpiresAt(),
                share.isPasswordProtected());
    }

    /**
     * Checks a share's password; a wrong one counts, and the last one allowed revokes the share (logged).
     *
     * @return whether it is right (a share without a password takes any)
     */
    public boolean unlock(String token, char[] password) {
        RecordingShare share = byToken(token);
        em.refresh(share, LockModeType.PESSIMISTIC_WRITE); // guesses in parallel are counted one after the other
        Recording r = available(share);
        if (!share.isPasswordProtected() || PasswordHash.matches(password, share.getPasswordHash())) {
            return true;
        }
        if (share.wrongPassword(Instant.now().truncatedTo(ChronoUnit.MILLIS))) {
            actionLog.recordAs(ActionLog.SERVER, Action.SHARE_REVOKE, r, "share " + share.getId() + " with " + share.getEmail()
                    + " after " + RecordingShare.WRONG_PASSWORDS_ALLOWED + " wrong passwords");
        }
        return false;
    }

    /**
     * The audio through a share, logged as a play (its first range) or a download by the recipient.
     *
     * @param unlocked whether its password was given in this session (ignored for a share without one)
     */
    public RecordingCatalog.Audio openAudio(String token, boolean unlocked, RecordingCatalog.AudioUse use) throws IOException {
        RecordingShare share = byToken(token);
        Recording r = available(share);
        if (share.isPasswordProtected() && !unlocked) {
            throw new ActionDeniedException("this link needs its password first");
        }
        if (use != RecordingCatalog.AudioUse.CONTINUED_PLAY) {
            share.used(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            actionLog.recordAs(share.getEmail(), use == RecordingCatalog.AudioUse.PLAY ? Action.PLAY : Action.DOWNLOAD, r,
                    "through the link " + share.getSharedBy() + " shared (share " + share.getId() + ")");
        }
        return new RecordingCatalog.Audio(r, RecordingFileName.of(r, ZoneId.systemDefault()), blobs.size(r.getAudioKey()),
                blobs.open(r.getAudioKey()));
    }

    private RecordingShare byToken(String token) {
        List<RecordingShare> found = token == null || token.isBlank() ? List.of()
                : em.createQuery("select s from RecordingShare s where s.tokenHash = :hash", RecordingShare.class)
                .setParameter("hash", hash(token.strip())).getResultList();
        if (found.isEmpty()) {
            throw new NoSuchEntryException("this link");
        }
        return found.get(0);
    }

    /** The share's recording, while the link opens: not expired or revoked, the recording there, its sharer still allowed. */
    private Recording available(RecordingShare share) {
        Instant now = Instant.now();
        if (share.getRevokedAt() != null) {
            throw new ShareUnavailableException("this link was revoked on " + share.getRevokedAt().truncatedTo(ChronoUnit.MINUTES));
        }
        if (!share.isOpen(now)) {
            throw new ShareUnavailableException("this link expired on " + share.getExpiresAt().truncatedTo(ChronoUnit.MINUTES));
        }
        Recording r = em.find(Recording.class, share.getRecordingId());
        if (r == null || r.getDeletedAt() != null || r.getState() != RecordingState.READY) {
            throw new ShareUnavailableException("the recording of this link is no longer available");
        }
        boolean sharerMay = directory.findByUsername(share.getSharedBy()).filter(UserAccount::isActive)
                .map(u -> access.viewerInAbsence(u).mayRead(r.getPbx(), r.getOwner(), r.isOnlyMe())).orElse(false);
        if (!sharerMay) {
            throw new ShareUnavailableException("the recording of this link is no longer available: whoever shared it may no longer hear it");
        }
        return r;
    }

    /** The call in a line, for the mail and the page: direction, the other party, when. */
    private static String call(Recording r, ZoneId zone) {
        String line = MailTemplate.fill("{direction} call {remoteName} {remote}, {date} {time} ({zone}), {duration}",
                MailTemplate.fields(r, zone));
        return Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    private static String address(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidSettingException("email is required: the address the link is mailed to");
        }
        String email = typed.strip();
        try {
            InternetAddress[] parsed = InternetAddress.parse(email, true);
            if (parsed.length != 1 || email.length() > 254 || !parsed[0].getAddress().contains("@")) {
                throw new AddressException("one address");
            }
            parsed[0].validate();
            return parsed[0].getAddress();
        } catch (AddressException e) {
            throw new InvalidSettingException("email \"" + email + "\" is not a mail address");
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** A share's recording erased: its shares go with it (they name the recipient). */
    public void onLogged(@Observes ActionLogged logged) {
        if (logged.erasure()) {
            em.createQuery("delete from RecordingShare s where s.recordingId = :id").setParameter("id", logged.recordingId()).executeUpdate();
        }
    }
}
