package io.verbatim.web.ui;

import io.verbatim.access.FourEyes;
import io.verbatim.access.FourEyesChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open pages of signed-in people, through their WebSockets: tells a page when its 4-eyes state changed, and
 * notices when a monitor's browser is gone — every page of the session closed and none reopened within
 * {@link #GRACE_SECONDS} (moving between pages closes one socket and opens the next) — so the monitor's grants end.
 * In a cluster the people of one request may be on different nodes: each node also looks every second for the changes
 * any node made, and says every {@link #SEEN_SECONDS} which sessions have a page open here, so that a monitor's page
 * reopened on another node keeps the grants and a browser lost with its node ends them ({@code access.GoneMonitors}).
 */
@ApplicationScoped
public class PushChannel {

    static final long GRACE_SECONDS = 5;
    static final long SEEN_SECONDS = 5;
    /** Changes are looked for this far back, for commits that took a moment and clocks a little apart; told once. */
    private static final long LOOK_BACK_SECONDS = 10;
    static final String FOUR_EYES = "four-eyes";
    private static final Logger LOG = Logger.getLogger(PushChannel.class.getName());

    private final Map<String, Set<Session>> byHttpSession = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> byUser = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    FourEyes fourEyes;

    /** The changes found on earlier looks, and when each was made: a page is told of each once. */
    private final Map<Long, Instant> told = new ConcurrentHashMap<>();
    private ScheduledFuture<?> looking;
    private long rounds;
    /** The last look met no database: the next that does says at once which sessions are open here. */
    private volatile boolean lookFailed;

    @PostConstruct
    void startLooking() {
        looking = scheduler.scheduleAtFixedRate(this::look, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopLooking() {
        looking.cancel(false);
    }

    void opened(Session socket, String httpSession, String username) {
        byHttpSession.computeIfAbsent(httpSession, k -> ConcurrentHashMap.newKeySet()).add(socket);
        byUser.computeIfAbsent(username, k -> ConcurrentHashMap.newKeySet()).add(socket);
        try {
            fourEyes.monitorSessionsSeen(Set.of(httpSession)); // before the grace on another node runs out
        } catch (RuntimeException e) { // the database away: the page opens all the same, and the next look says it
            lookFailed = true;
            LOG.log(Level.FINE, "4-eyes: an opened page could not be said to be open", e);
        }
    }

    /** Once a second while pages are open here: changes made on other nodes, and (every few) the sessions seen here. */
    private void look() {
        if (byUser.isEmpty()) {
            return;
        }
        try {
            Instant now = Instant.now();
            told.values().removeIf(at -> at.isBefore(now.minusSeconds(2 * LOOK_BACK_SECONDS)));
            for (FourEyes.Change change : fourEyes.changedSince(now.minusSeconds(LOOK_BACK_SECONDS))) {
                if (firstTold(change.grant(), change.at())) {
                    tell(change.user(), FOUR_EYES);
                    tell(change.monitor(), FOUR_EYES);
                }
            }
            if (rounds++ % SEEN_SECONDS == 0 || lookFailed) {
                fourEyes.monitorSessionsSeen(Set.copyOf(byHttpSession.keySet()));
            }
            lookFailed = false;
        } catch (RuntimeException e) { // the database away: the next second tries again, and its outage has an alarm
            lookFailed = true;
            LOG.log(Level.FINE, "4-eyes changes could not be looked at", e);
        }
    }

    void closed(Session socket, String httpSession, String username) {
        remove(byUser, username, socket);
        if (remove(byHttpSession, httpSession, socket)) {
            Instant closedAt = Instant.now();
            scheduler.schedule(() -> {
                try {
                    if (!byHttpSession.containsKey(httpSession)) {
                        int ended = fourEyes.endMonitorSession(httpSession, "the monitor's browser closed", closedAt);
                        if (ended > 0) {
                            LOG.info("4-eyes: " + username + " left; " + ended + " grant(s) ended");
                        }
                    }
                } catch (RuntimeException e) { // nobody reads this task's outcome: a failure is said here or nowhere
                    LOG.log(Level.SEVERE, "4-eyes: the grants of " + username + "'s closed session could not be ended", e);
                }
            }, GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Removes a socket; true when it was the last of its key. */
    private static boolean remove(Map<String, Set<Session>> sockets, String key, Session socket) {
        boolean[] last = {false};
        sockets.computeIfPresent(key, (k, set) -> {
            set.remove(socket);
            last[0] = set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    void fourEyesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FourEyesChanged change) {
        if (firstTold(change.grant(), change.at())) {
            tell(change.user(), FOUR_EYES);
            tell(change.monitor(), FOUR_EYES);
        }
    }

    /** Whether this change of a grant is news here (its time is kept to the microsecond, as the databases keep it). */
    private boolean firstTold(long grant, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return !when.equals(told.put(grant, when));
    }

    private void tell(String username, String message) {
        for (Session socket : byUser.getOrDefault(username, Set.of())) {
            try {
                synchronized (socket) { // told from the look and from a change on this node at once: one at a time
                    socket.getBasicRemote().sendText(message);
                }
            } catch (IOException | IllegalStateException gone) {
                LOG.log(Level.FINE, "a page of " + username + " went away", gone);
            }
        }
    }
}
