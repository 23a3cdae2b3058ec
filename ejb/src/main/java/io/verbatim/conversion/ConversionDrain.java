package io.verbatim.conversion;

import io.verbatim.database.ChangedMeanwhile;
import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.metrics.Meters;
import io.verbatim.recording.RecordingReceived;
import io.verbatim.storage.DiskSpace;
import io.verbatim.storage.Staging;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The conversion queue's drain on this node: two workers per core, started with the server, each claiming the oldest
 * waiting recording, converting it and recording the outcome, then the next, until none waits; then it sleeps until
 * an upload or a claim a dead node abandoned wakes it (or 30 s pass: a wake-up lost). One drain per node for the
 * server's life, where a batch run per upload filled the job repository with a row per call. Several nodes share
 * the queue through the claims ({@code SKIP LOCKED}).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "NodeName"}) // a node of a name in use stops before it touches that name's files
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // every step commits on its own
public class ConversionDrain {

    private static final Logger LOG = Logger.getLogger(ConversionDrain.class.getName());
    /**
     * Two per core: a conversion also waits on the disk (copying the original, syncing the audio), and a second
     * worker keeps the core busy meanwhile. Measured with ear/bin/bench-ingest, 500 uploads on two cores: the last
     * conversion 14.4 s after the last upload's answer with one worker per core, 10.8 s with two.
     */
    static final int WORKERS = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
    /** How long a worker sleeps when the queue is empty (unless woken). */
    private static final long IDLE_WAIT_MILLIS = 30_000;

    @Inject
    ConversionService conversions;

    @Inject
    Staging staging;

    @Inject
    DiskSpace space;

    @Inject
    Meters meters;

    @Inject
    Event<ClaimsAbandoned> claimsAbandoned;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "verbatim")
    String node;

    /**
     * How long one conversion may take before the watchdog stops it ({@code VERBATIM_CONVERSION_TIMEOUT_SECONDS}):
     * far above the slowest real call (a 4-hour Opus hybrid call takes about 4 minutes on one core), so only a
     * capture that hangs the converter reaches it.
     */
    @Inject
    @ConfigProperty(name = "verbatim.conversion.timeout-seconds", defaultValue = "1800")
    long timeoutSeconds;

    /**
     * How long a worker waits, whatever wakes the others, before it tries again after the disk had no room, the
     * bucket or the database did not answer ({@code VERBATIM_CONVERSION_RETRY_SECONDS}).
     */
    @Inject
    @ConfigProperty(name = "verbatim.conversion.retry-seconds", defaultValue = "30")
    long retrySeconds;

    /** What each worker converts now, for the watchdog. */
    private final Map<Thread, Running> running = new ConcurrentHashMap<>();

    private static final class Running {
        final long recordingId;
        final long deadline;
        boolean stopped; // guarded by this Running, like finished
        boolean finished;
        volatile boolean replaced;

        Running(long recordingId, long deadline) {
            this.recordingId = recordingId;
            this.deadline = deadline;
        }
    }

    private final Object wake = new Object();
    private long wakeUps; // guarded by wake: a worker sleeps only if none came since it found the queue empty
    private volatile boolean stopping;
    private final List<Thread> workers = new CopyOnWriteArrayList<>(); // the watchdog may add one
    /** Workers the watchdog replaced: should one come back, it ends instead of adding to the count. */
    private final Set<Thread> replaced = ConcurrentHashMap.newKeySet();

    /** This node's interrupted work goes back to the queue first: none of it can still be running. */
    @PostConstruct
    void start() {
        try {
            staging.clearLeftovers();
        } catch (IOException e) {
            LOG.warning("Could not clear the staging folder: " + e);
        }
        space.reserve(); // a VERBATIM_DISK_RESERVE that cannot be read stops the start here, saying why
        int released = conversions.releaseClaimsOf(node);
        if (released > 0) {
            LOG.info("Returned " + released + " interrupted conversions to the queue");
        }
        for (int i = 0; i < WORKERS; i++) {
            startWorker();
        }
        meters.gauge("verbatim.conversion.queue", "Recordings waiting for conversion", "recordings",
                () -> conversions.measure().waiting());
        meters.gauge("verbatim.conversion.oldest.wait", "How long the oldest recording in the queue has waited", "seconds",
                () -> {
                    Instant since = conversions.measure().oldestWaitingSince();
                    return since == null ? 0 : Duration.between(since, Instant.now()).toSeconds();
                });
    }

    /** Workers that are running and not replaced: none means nothing will ever be converted until a restart. */
    public long liveWorkers() {
        return workers.stream().filter(w -> w.isAlive() && !replaced.contains(w)).count();
    }

    private synchronized void startWorker() {
        Thread worker = threads.newThread(this::drain);
        worker.setName("verbatim-conversion-" + workers.size());
        workers.add(worker);
        worker.start();
    }

    /**
     * Stops a conversion that runs past its time: the worker is interrupted (the converter reads and writes through
     * interruptible channels, so it ends at its next read), and the recording goes back to the queue a bounded number
     * of times. A worker that does not answer within a minute more is left to itself and replaced, so a capture that
     * hangs the converter never holds up the queue.
     */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void watch() {
        long now = System.nanoTime();
        for (Map.Entry<Thread, Running> e : running.entrySet()) {
            Running r = e.getValue();
            boolean stopping;
            synchronized (r) { // never an interrupt for a conversion that has just ended: it would hit the next one
                stopping = now - r.deadline > 0 && !r.stopped && !r.finished;
                if (stopping) {
                    r.stopped = true;
                    e.getKey().interrupt();
                }
            }
            if (stopping) {
                LOG.warning("Conversion of recording " + r.recordingId + " runs past " + timeoutSeconds + " s: stopping it");
            } else if (now - r.deadline > 60_000_000_000L && !r.replaced) {
                r.replaced = true;
                replaced.add(e.getKey());
                LOG.severe("The conversion worker on recording " + r.recordingId + " does not answer; another one takes"
                        + " its place (" + e.getKey().getName() + " is left to itself)");
                startWorker();
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        wakeAll();
        long deadline = System.currentTimeMillis() + 10_000; // for all: a conversion under way is left, and its
        for (Thread worker : workers) {                       // claim returns to the queue at the next start
            try {
                worker.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void onReceived(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingReceived received) {
        wakeAll();
    }

    /**
     * Claims of nodes that died go back to the queue once the node's name has run out (checked every 5 s: the
     * recordings of a lost node wait no longer than they must); a released claim wakes the workers.
     */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        try {
            int abandoned = conversions.releaseClaimsAbandonedByOthers(node);
            if (abandoned > 0) {
                LOG.warning("Returned " + abandoned + " conversions abandoned by a stopped node to the queue");
                claimsAbandoned.fire(new ClaimsAbandoned(abandoned));
                wakeAll();
            }
        } catch (RuntimeException e) { // the database away, say: the workers say so themselves
            LOG.fine(() -> "Abandoned claims not checked: " + e);
        }
    }

    /** A wake-up lost (an upload on another node wakes only that node's workers) is made good. */
    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void rouse() {
        wakeAll();
    }

    private void wakeAll() {
        synchronized (wake) {
            wakeUps++;
            wake.notifyAll();
        }
    }

    /**
     * Sleeps the idle time, whatever wakes the others: a full disk or a database away takes longer than the next
     * upload to come back.
     */
    private void pause() {
        long wait = Math.max(1, retrySeconds) * 1000;
        long until = System.currentTimeMillis() + wait;
        synchronized (wake) {
            for (long left = wait; left > 0 && !stopping; left = until - System.currentTimeMillis()) {
                try {
                    wake.wait(left);
                } catch (InterruptedException e) {
                    return; // cleared: the next conversion must not meet it
                }
            }
        }
    }

    private ConversionOutcome convertWatched(long recordingId) {
        Running watched = new Running(recordingId, System.nanoTime() + timeoutSeconds * 1_000_000_000L);
        running.put(Thread.currentThread(), watched);
        ConversionOutcome outcome;
        long started = System.nanoTime();
        try {
            outcome = conversions.convert(recordingId);
        } finally {
            synchronized (watched) {
                watched.finished = true;
                running.remove(Thread.currentThread());
                Thread.interrupted(); // the watchdog's interrupt must not reach the next transaction
            }
        }
        boolean stopped;
        synchronized (watched) {
            stopped = watched.stopped;
        }
        ConversionOutcome ended = stopped && !outcome.succeeded() // finished just as it was stopped: the audio counts
                ? ConversionOutcome.timedOut(recordingId, "conversion did not finish within " + timeoutSeconds + " s")
                : outcome;
        meters.conversionEnded(ended.kind().name().toLowerCase(Locale.ROOT),
                ended.succeeded() ? ended.result().codec() : "unknown", Duration.ofNanos(System.nanoTime() - started));
        return ended;
    }

    private void drain() {
        while (!stopping && !replaced.remove(Thread.currentThread())) {
            long seen;
            synchronized (wake) {
                seen = wakeUps;
            }
            try {
                Optional<Long> next = conversions.claimNext(node);
                if (next.isPresent()) {
                    ConversionOutcome outcome = convertWatched(next.get());
                    // a call record matched it as it converted: the outcome stored again on what is there now
                    ChangedMeanwhile.retried(() -> {
                        conversions.complete(outcome);
                        return null;
                    });
                    if (outcome.postponed()) {
                        pause();
                    }
                    continue;
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                // the claim (if any) returns to the queue after its lease
                if (DatabaseUnreachable.explains(e)) { // expected while it lasts: one line, not a stack per worker
                    LOG.warning("The conversion queue waits for the database; trying again in " + retrySeconds + " s");
                } else {
                    LOG.log(Level.WARNING, "The conversion queue could not be read or written; trying again in " + retrySeconds + " s", e);
                }
                pause();
                continue;
            }
            synchronized (wake) {
                if (wakeUps == seen && !stopping) {
                    try {
                        wake.wait(IDLE_WAIT_MILLIS);
                    } catch (InterruptedException e) {
                        continue; // the loop ends the worker if the drain stops, else it goes on
                    }
                }
            }
        }
    }
}
