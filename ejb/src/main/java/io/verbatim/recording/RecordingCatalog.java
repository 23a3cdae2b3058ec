package io.verbatim.recording;

import io.verbatim.access.AccessPolicy;
import io.verbatim.access.Viewer;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.PhoneNumber;
import io.verbatim.directory.UserAccount;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.storage.BlobStore;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finding recordings and their audio. Every read goes through {@link AccessPolicy}: a caller sees only what the
 * policy lets them see, and a recording they may not see does not exist for them.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class RecordingCatalog {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    BlobStore blobs;

    @Inject
    ActionLog actionLog;

    public RecordingPage search(RecordingQuery query) {
        return search(query, false);
    }

    /**
     * What is in the recycle bin of the administrator's tenant (deleted, restorable until purged), the most
     * recently deleted first: the one an administrator comes to restore is on the first page.
     */
    @RolesAllowed("ADMIN")
    public RecordingPage recycleBin(RecordingQuery query) {
        return search(query, true);
    }

    private RecordingPage search(RecordingQuery query, boolean binned) {
        Viewer viewer = access.currentViewer();
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Recording> select = cb.createQuery(Recording.class);
        Root<Recording> r = select.from(Recording.class);
        select.where(conditions(cb, select, r, query, viewer, binned).toArray(Predicate[]::new));
        select.orderBy(binned ? List.of(cb.desc(r.get("deletedAt")), cb.desc(r.get("id"))) : order(cb, r, query.order()));
        List<Recording> items = em.createQuery(select).setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Recording> c = count.from(Recording.class);
        count.select(cb.count(c)).where(conditions(cb, count, c, query, viewer, binned).toArray(Predicate[]::new));
        return new RecordingPage(items, em.createQuery(count).getSingleResult());
    }

    /**
     * The order asked for, then the newest first among equals (and by id, so pages never overlap). What has no value
     * (a duration before conversion, no owner) comes last either way, on every database; states go in the order a
     * recording passes through them.
     */
    private static List<Order> order(CriteriaBuilder cb, Root<Recording> r, RecordingQuery.Order order) {
        List<Order> orders = new ArrayList<>();
        Expression<?> column = switch (order.by()) {
            case START -> started(cb, r);
            case DURATION -> r.get("durationSeconds");
            case OWNER -> r.get("owner");
            case STATE -> cb.<Integer>selectCase().when(cb.equal(r.get("state"), RecordingState.RECEIVED), 0)
                    .when(cb.equal(r.get("state"), RecordingState.CONVERTING), 1)
                    .when(cb.equal(r.get("state"), RecordingState.READY), 2).otherwise(3);
        };
        if (order.by() == RecordingQuery.Sort.DURATION || order.by() == RecordingQuery.Sort.OWNER) {
            orders.add(cb.asc(cb.<Integer>selectCase().when(cb.isNull(column), 1).otherwise(0)));
        }
        orders.add(order.descending() ? cb.desc(column) : cb.asc(column));
        orders.add(cb.desc(started(cb, r)));
        orders.add(cb.desc(r.get("id")));
        return orders;
    }

    private static Expression<Instant> started(CriteriaBuilder cb, Root<Recording> r) {
        return cb.coalesce(r.<Instant>get("startedAt"), r.<Instant>get("receivedAt"));
    }

    /** @throws NoSuchRecordingException when it does not exist, is in the recycle bin, or the caller may not see it */
    public Recording find(long id) {
        return find(id, false);
    }

    /** A recording in the recycle bin of the administrator's tenant. */
    @RolesAllowed("ADMIN")
    public Recording findInRecycleBin(long id) {
        return find(id, true);
    }

    private Recording find(long id, boolean binned) {
        Recording r = em.find(Recording.class, id);
        if (r == null || r.isInRecycleBin() != binned || !access.currentViewer().mayRead(r.getPbx(), r.getOwner(), r.isOnlyMe())) {
            throw new NoSuchRecordingException(id);
        }
        return r;
    }

    /** Why audio is read: the action log counts a play once, not each range the player fetches as it seeks. */
    public enum AudioUse {
        PLAY, CONTINUED_PLAY, DOWNLOAD;

        /**
         * What a request for the audio is: a download when asked for one; otherwise a play, unless it asks for a byte
         * range past the start (a player fetches the start first, then whatever it seeks to: one play, not one per
         * range, is written to the action log).
         */
        public static AudioUse of(boolean download, String byteRange) {
            if (download) {
                return DOWNLOAD;
            }
            return byteRange != null && !byteRange.replace(" ", "").startsWith("bytes=0-") ? CONTINUED_PLAY : PLAY;
        }
    }

    /** The converted audio of a recording the caller may read; a play or download is logged. */
    public Audio openAudio(long id, AudioUse use) throws IOException {
        Recording r = find(id);
        if (r.getState() != RecordingState.READY || r.getAudioKey() == null) {
            throw new AudioNotReadyException(r);
        }
        if (use != AudioUse.CONTINUED_PLAY) {
            actionLog.record(use == AudioUse.PLAY ? Action.PLAY : Action.DOWNLOAD, r, r.getAudioFormat());
        }
        return new Audio(r, blobs.size(r.getAudioKey()), blobs.open(r.getAudioKey()));
    }

    /** The original capture as the device sent it, of a recording the caller may read (in any state); logged as a download. */
    public Audio openOriginal(long id) throws IOException {
        Recording r = find(id);
        actionLog.record(Action.DOWNLOAD, r, "original capture");
        return new Audio(r, blobs.size(r.getOriginalKey()), blobs.open(r.getOriginalKey()));
    }

    /** Bytes to stream: the recording, the length, and a channel positioned anywhere the reader likes. */
    public record Audio(Recording recording, long size, SeekableByteChannel channel) {
    }

    private List<Predicate> conditions(CriteriaBuilder cb, AbstractQuery<?> query, Root<Recording> r, RecordingQuery q, Viewer viewer,
                                       boolean binned) {
        List<Predicate> where = new ArrayList<>();
        where.add(access.visibleTo(viewer, cb, r));
        where.add(binned ? cb.isNotNull(r.get("deletedAt")) : cb.isNull(r.get("deletedAt")));
        if (q.owner() != null && !q.owner().isBlank()) {
            where.add(cb.equal(r.get("owner"), q.owner()));
        }
        if (q.callId() != null && !q.callId().isBlank()) {
            where.add(cb.equal(cb.lower(r.get("callId")), q.callId().toLowerCase(Locale.ROOT)));
        }
        if (q.state() != null) {
            where.add(cb.equal(r.get("state"), q.state()));
        }
        if (q.unassigned()) {
            Subquery<Long> user = query.subquery(Long.class);
            Root<UserAccount> u = user.from(UserAccount.class);
            user.select(u.get("id")).where(cb.equal(u.get("username"), r.get("owner")), cb.equal(u.get("pbx"), r.get("pbx")));
            where.add(cb.not(cb.exists(user)));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(started(cb, r), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThan(started(cb, r), q.to()));
        }
        Join<Recording, CallRecord> call = null;
        if (q.direction() != null || q.number() != null || (q.text() != null && !q.text().isBlank())) {
            call = r.join("callRecord", JoinType.LEFT);
        }
        if (q.direction() != null) {
            where.add(cb.equal(call.get("direction"), q.direction()));
        }
        if (q.number() != null && !q.number().isBlank()) {
            if (!PhoneNumber.looksLikeNumber(q.number())) {
                throw new InvalidEntryException("number must be a phone number (digits, with +, spaces, (), / or - as people write them)");
            }
            where.add(numberMatches(cb, call, q.number()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            String pattern = likePattern(q.text());
            // notes are seen by everyone who sees their recording, so searching them shows nothing new
            Subquery<Long> note = query.subquery(Long.class);
            Root<RecordingNote> n = note.from(RecordingNote.class);
            note.select(n.get("id")).where(cb.equal(n.get("recordingId"), r.get("id")),
                    cb.like(cb.lower(n.get("text")), pattern, '\\'));
            where.add(cb.or(
                    cb.like(cb.lower(r.get("fileName")), pattern, '\\'),
                    cb.like(cb.lower(r.get("owner")), pattern, '\\'),
                    cb.like(cb.lower(r.get("callId")), pattern, '\\'),
                    cb.like(cb.lower(call.get("localName")), pattern, '\\'),
                    cb.like(cb.lower(call.get("remoteName")), pattern, '\\'),
                    PhoneNumber.looksLikeNumber(q.text()) ? numberMatches(cb, call, q.text()) : cb.disjunction(),
                    cb.exists(note)));
        }
        return where;
    }

    /** Either party's number holds the typed one, however each is written ({@link PhoneNumber}). */
    private static Predicate numberMatches(CriteriaBuilder cb, Join<Recording, CallRecord> call, String typed) {
        return cb.or(PhoneNumber.searchForms(typed).stream().flatMap(digits -> Stream.of(
                cb.like(call.get("localDigits"), "%" + digits + "%"), cb.like(call.get("remoteDigits"), "%" + digits + "%")))
                .toArray(Predicate[]::new));
    }

    /** User text to a LIKE pattern: {@code *} is the wildcard, SQL's own wildcards are taken literally. */
    static String likePattern(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
        return escaped.contains("%") ? escaped : "%" + escaped + "%";
    }
}
