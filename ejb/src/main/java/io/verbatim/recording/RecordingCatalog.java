package io.verbatim.recording;

import io.verbatim.access.AccessPolicy;
import io.verbatim.access.Viewer;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.PhoneNumber;
import io.verbatim.database.SchemaMigration;
import io.verbatim.directory.Directory;
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

    /** How many digits a run in the index of numbers has (V31). */
    private static final int DIGITS_RUN = 4;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    BlobStore blobs;

    @Inject
    ActionLog actionLog;

    @Inject
    SchemaMigration schema;

    @Inject
    Directory directory;

    public RecordingPage search(RecordingQuery query) {
        return search(query, false);
    }

    /**
     * The ids of what a search finds, in its order, at most {@code max} (ask one more to learn that there are more): for
     * acting on all results at once, without loading or counting them.
     */
    public List<Long> matchingIds(RecordingQuery query, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> select = cb.createQuery(Long.class);
        Root<Recording> r = select.from(Recording.class);
        select.select(r.get("id")).where(conditions(cb, select, r, query, access.currentViewer(), false).toArray(Predicate[]::new))
                .orderBy(order(cb, r, query.order()));
        return em.createQuery(select).setMaxResults(max).getResultList();
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

        if (items.size() < query.limit() && (!items.isEmpty() || query.offset() == 0)) {
            return new RecordingPage(items, query.offset() + items.size(), false); // the last page: nothing more to count
        }
        // counting stops past COUNT_LIMIT: an exact count of a million rows costs more than the page itself
        CriteriaQuery<Long> matching = cb.createQuery(Long.class);
        Root<Recording> c = matching.from(Recording.class);
        matching.select(c.get("id")).where(conditions(cb, matching, c, query, viewer, binned).toArray(Predicate[]::new));
        int counted = em.createQuery(matching).setMaxResults(RecordingPage.COUNT_LIMIT + 1).getResultList().size();
        return counted > RecordingPage.COUNT_LIMIT ? new RecordingPage(items, RecordingPage.COUNT_LIMIT, true)
                : new RecordingPage(items, counted, false);
    }

    /**
     * The order asked for, then the newest first among equals (and by id, so pages never overlap). What has no value
     * (a duration before conversion, no owner) comes last either way, on every database; states go in the order a
     * recording passes through them.
     */
    private static List<Order> order(CriteriaBuilder cb, Root<Recording> r, RecordingQuery.Order order) {
        List<Order> orders = new ArrayList<>();
        Expression<?> column = switch (order.by()) {
            case START -> started(r);
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
        if (order.by() != RecordingQuery.Sort.START) {
            orders.add(cb.desc(started(r)));
        }
        orders.add(cb.desc(r.get("id")));
        return orders;
    }

    /** The call's start, or its arrival before conversion knows the start: a column of its own, indexed (V28). */
    private static Expression<Instant> started(Root<Recording> r) {
        return r.get("sortTime");
    }

    /** @throws NoSuchRecordingException when it does not exist, is in the recycle bin, or the caller may not see it */
    public Recording find(long id) {
        return find(id, false);
    }

    /**
     * A recording the caller may read that has audio.
     *
     * @throws AudioNotReadyException when it has none (yet, or ever: FAILED)
     */
    public Recording findConverted(long id) {
        Recording r = find(id);
        if (r.getState() != RecordingState.READY || r.getAudioKey() == null) {
            throw new AudioNotReadyException(r);
        }
        return r;
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
        Recording r = findConverted(id);
        if (use != AudioUse.CONTINUED_PLAY) {
            actionLog.record(use == AudioUse.PLAY ? Action.PLAY : Action.DOWNLOAD, r, r.getAudioFormat());
        }
        return new Audio(r, RecordingFileName.of(r, directory.callerZone()), blobs.size(r.getAudioKey()), blobs.open(r.getAudioKey()));
    }

    /** The original capture as the device sent it, of a recording the caller may read (in any state); logged as a download. */
    public Audio openOriginal(long id) throws IOException {
        Recording r = find(id);
        actionLog.record(Action.DOWNLOAD, r, "original capture");
        return new Audio(r, r.getFileName(), blobs.size(r.getOriginalKey()), blobs.open(r.getOriginalKey()));
    }

    /**
     * Bytes to stream: the recording, the length, and a channel positioned anywhere the reader likes.
     *
     * @param name what the file is called where it is saved: for audio without its extension ({@link RecordingFileName})
     */
    public record Audio(Recording recording, String name, long size, SeekableByteChannel channel) {
    }

    private List<Predicate> conditions(CriteriaBuilder cb, AbstractQuery<?> query, Root<Recording> r, RecordingQuery q, Viewer viewer,
                                       boolean binned) {
        List<Predicate> where = new ArrayList<>();
        where.add(access.visibleTo(viewer, cb, r));
        where.add(binned ? cb.isNotNull(r.get("deletedAt")) : cb.isNull(r.get("deletedAt")));
        if (q.owner() != null && !q.owner().isBlank()) {
            where.add(cb.equal(r.get("owner"), q.owner()));
        }
        if (q.pbx() != null && !q.pbx().isBlank()) {
            where.add(cb.equal(r.get("pbx"), q.pbx().strip()));
        }
        // bounds in whole seconds as durations are shown (rounded): "at most 1:30" keeps a call of 90.4 s, "at least" one of 89.6 s
        if (q.minSeconds() != null) {
            where.add(cb.ge(r.get("durationSeconds"), q.minSeconds() - 0.5));
        }
        if (q.maxSeconds() != null) {
            where.add(cb.lt(r.get("durationSeconds"), q.maxSeconds() + 0.5));
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
        if (q.protectedOnly()) {
            where.add(cb.isNotNull(r.get("protectedAt")));
        }
        if (q.withNotes()) {
            Subquery<Long> note = query.subquery(Long.class);
            Root<RecordingNote> n = note.from(RecordingNote.class);
            note.select(n.get("id")).where(cb.equal(n.get("recordingId"), r.get("id")));
            where.add(cb.exists(note));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(started(r), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThan(started(r), q.to()));
        }
        Join<Recording, CallRecord> call = null;
        boolean textByIndex = schema.hasSearchIndexes();
        if (q.direction() != null || (!textByIndex && (q.number() != null || (q.text() != null && !q.text().isBlank())))) {
            call = r.join("callRecord", JoinType.LEFT);
        }
        if (q.direction() != null) {
            where.add(cb.equal(call.get("direction"), q.direction()));
        }
        if (q.number() != null && !q.number().isBlank()) {
            if (!PhoneNumber.looksLikeNumber(q.number())) {
                throw new InvalidEntryException("number must be a phone number (digits, with +, spaces, (), / or - as people write them)");
            }
            where.add(textByIndex ? digitsMatch(cb, r.get("searchDigits"), q.number()) : numberMatches(cb, call, q.number()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.add(textByIndex ? textInSearchColumns(cb, r, q.text()) : textInColumns(cb, query, r, call, q.text()));
        }
        return where;
    }

    /**
     * Text in any of a recording's texts, looked for in the columns PostgreSQL keeps of them (V30), text with its
     * trigram index, numbers with the index of their runs of digits (V31): the database either takes the matches from
     * an index or reads the newest recordings in order and stops at a page, whichever it expects to be quicker
     * (ear/bin/bench-search). Notes are seen by everyone who sees their recording, so searching them shows nothing new.
     */
    private static Predicate textInSearchColumns(CriteriaBuilder cb, Root<Recording> r, String text) {
        // each text is a line of its own: a wildcard ("acme*gmbh") matches a whole text, as it does a column on H2
        String pattern = text.contains("*") ? "%\n" + likePattern(text) + "\n%" : likePattern(text);
        Predicate found = cb.like(r.get("searchText"), pattern, '\\');
        return PhoneNumber.looksLikeNumber(text) ? cb.or(found, digitsMatch(cb, r.get("searchDigits"), text)) : found;
    }

    /**
     * A typed number in the parties' digits PostgreSQL keeps on the recording, in each form it may be written; from four
     * digits on, through the index of their runs of four (V31), which shorter ones are too common to need.
     */
    private static Predicate digitsMatch(CriteriaBuilder cb, Expression<String> digits, String typed) {
        return cb.or(PhoneNumber.searchForms(typed).stream().map(form -> {
            Predicate like = cb.like(digits, "%" + form + "%");
            return form.length() < DIGITS_RUN ? like
                    : cb.and(cb.isTrue(cb.function("verbatim_digits_hold", Boolean.class, digits, cb.literal(form))), like);
        }).toArray(Predicate[]::new));
    }

    /** The same, in one pass over each recording's columns and its call's: where there are no trigram indexes (H2), the fastest way. */
    private static Predicate textInColumns(CriteriaBuilder cb, AbstractQuery<?> query, Root<Recording> r, Join<Recording, CallRecord> call,
                                           String text) {
        String pattern = likePattern(text);
        Subquery<Long> note = query.subquery(Long.class);
        Root<RecordingNote> n = note.from(RecordingNote.class);
        note.select(n.get("id")).where(cb.equal(n.get("recordingId"), r.get("id")), cb.like(cb.lower(n.get("text")), pattern, '\\'));
        return cb.or(
                cb.like(cb.lower(r.get("fileName")), pattern, '\\'),
                cb.like(cb.lower(r.get("owner")), pattern, '\\'),
                cb.like(cb.lower(r.get("callId")), pattern, '\\'),
                cb.like(cb.lower(call.get("localName")), pattern, '\\'),
                cb.like(cb.lower(call.get("remoteName")), pattern, '\\'),
                PhoneNumber.looksLikeNumber(text) ? numberMatches(cb, call, text) : cb.disjunction(),
                cb.exists(note));
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
