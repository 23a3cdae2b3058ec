package io.verbatim.web.ui;

import io.verbatim.access.FourEyes;
import io.verbatim.access.FourEyesChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open pages of signed-in people, through their WebSockets: tells a page when its 4-eyes state changed, and
 * notices when a monitor's browser is gone — every page of the session closed and none reopened within
 * {@link #GRACE_SECONDS} (moving between pages closes one socket and opens the next) — so the monitor's grants end.
 */
@ApplicationScoped
public class PushChannel {

    static final long GRACE_SECONDS = 5;
    static final String FOUR_EYES = "four-eyes";
    private static final Logger LOG = Logger.getLogger(PushChannel.class.getName());

    private final Map<String, Set<Session>> byHttpSession = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> byUser = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    FourEyes fourEyes;

    void opened(Session socket, String httpSession, String username) {
        byHttpSession.computeIfAbsent(httpSession, k -> ConcurrentHashMap.newKeySet()).add(socket);
        byUser.computeIfAbsent(username, k -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void closed(Session socket, String httpSession, String username) {
        remove(byUser, username, socket);
        if (remove(byHttpSession, httpSession, socket)) {
            scheduler.schedule(() -> {
                try {
                    if (!byHttpSession.containsKey(httpSession)) {
                        int ended = fourEyes.endMonitorSession(httpSession, "the monitor's browser closed");
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
        tell(change.user(), FOUR_EYES);
        tell(change.monitor(), FOUR_EYES);
    }

    private void tell(String username, String message) {
        for (Session socket : byUser.getOrDefault(username, Set.of())) {
            try {
                socket.getBasicRemote().sendText(message);
            } catch (IOException | IllegalStateException gone) {
                LOG.log(Level.FINE, "a page of " + username + " went away", gone);
            }
        }
    }
}
