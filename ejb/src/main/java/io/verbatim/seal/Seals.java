package io.verbatim.seal;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.recording.AudioNotReadyException;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingState;
import io.verbatim.storage.BlobStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * Seals (innovaphone "watermark"): a READY recording is signed over {@link SealedContent} when sealing is on, and a
 * check tells whether the stored audio and the signed metadata are still what was sealed.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Seals {

    @PersistenceContext
    EntityManager em;

    @Inject
    SealKey key;

    @Inject
    RecordingCatalog catalog;

    @Inject
    BlobStore blobs;

    @Inject
    ActionLog actionLog;

    @Inject
    Event<SealBroken> sealBroken;

    /** Seals a READY recording that is not sealed yet (at conversion, or by the seal job). */
    public void seal(Recording r) {
        if (r.getState() == RecordingState.READY && r.getAudioKey() != null && r.getSealSignature() == null) {
            r.seal(Base64.getEncoder().encodeToString(key.sign(SealedContent.of(r))), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /**
     * Up to {@code limit} ids of a PBX's READY recordings without a seal ({@code null}: any PBX's), after {@code afterId},
     * ascending (the seal job's reader).
     */
    public List<Long> unsealed(String pbx, long afterId, int limit) {
        return em.createQuery("select r.id from Recording r where r.state = :ready and r.sealSignature is null and r.id > :after"
                                + " and (:all = true or r.pbx = :pbx) order by r.id", Long.class)
                .setParameter("ready", RecordingState.READY).setParameter("after", afterId)
                .setParameter("all", pbx == null).setParameter("pbx", pbx == null ? "" : pbx).setMaxResults(limit).getResultList();
    }

    /** Seals a recording if its PBX seals ({@code sealing} tells by the PBX's name). */
    public void seal(long id, Predicate<String> sealing) {
        Recording r = em.find(Recording.class, id);
        if (r != null && sealing.test(r.getPbx())) {
            seal(r);
        }
    }

    /**
     * Checks the seal of a recording the caller may read: the audio file's bytes are hashed again and must be those
     * sealed, and the signature must hold over the recording's metadata as it is now. The check is logged.
     */
    public SealCheck verify(long id) {
        Recording r = catalog.find(id);
        SealCheck check = check(r);
        actionLog.record(Action.VERIFY, r, "seal: " + check.verdict().name().toLowerCase() + (check.reason() == null ? "" : " (" + check.reason() + ")"));
        if (check.verdict() == SealCheck.Verdict.ALTERED) {
            sealBroken.fire(new SealBroken(r.getId(), check.reason()));
        }
        return check;
    }

    private SealCheck check(Recording r) {
        if (r.getSealSignature() == null) {
            return new SealCheck(r.getId(), SealCheck.Verdict.UNSEALED, null, null);
        }
        if (r.getAudioKey() == null) {
            throw new AudioNotReadyException(r);
        }
        String sealedHash = r.getAudioSha256();
        String storedHash = sha256(r.getAudioKey());
        if (!storedHash.equals(sealedHash)) {
            return new SealCheck(r.getId(), SealCheck.Verdict.ALTERED, r.getSealedAt(), "the stored audio is not the audio that was sealed");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(r.getSealSignature());
        } catch (IllegalArgumentException e) {
            return new SealCheck(r.getId(), SealCheck.Verdict.ALTERED, r.getSealedAt(), "the signature is damaged");
        }
        return key.verify(SealedContent.of(r), signature)
                ? new SealCheck(r.getId(), SealCheck.Verdict.VALID, r.getSealedAt(), null)
                : new SealCheck(r.getId(), SealCheck.Verdict.ALTERED, r.getSealedAt(), "the sealed metadata or signature was changed");
    }

    /** The signature's raw bytes (for the download, next to the sealed text), or null. */
    public static byte[] signatureOf(Recording r) {
        return r.getSealSignature() == null ? null : Base64.getDecoder().decode(r.getSealSignature());
    }

    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    private String sha256(String blobKey) {
        try (DigestInputStream in = new DigestInputStream(Channels.newInputStream(blobs.open(blobKey)), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audio of a sealed recording", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
