package io.verbatim.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Set;

/**
 * What a share's visitor's session holds (nobody signs in to a share): the links whose password they typed, which the
 * page unlocks and the audio asks about, and the links they have played, so that a player's later ranges are one play
 * in the action log and not one each. Tokens are kept, not share ids: a session holding one opens only that link.
 */
public final class ShareSessions {

    private static final String UNLOCKED = "verbatim.unlockedShares";
    private static final String PLAYED = "verbatim.playedShares";

    private ShareSessions() {
    }

    public static void unlock(HttpServletRequest request, String token) {
        add(request.getSession(true), UNLOCKED, token);
    }

    public static boolean unlocked(HttpServletRequest request, String token) {
        return holds(request.getSession(false), UNLOCKED, token);
    }

    /**
     * Whether this session played the link before; from now on it has. A client without a session (no cookie kept)
     * plays anew each time, and each time is logged.
     */
    public static boolean playedBefore(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(true);
        if (holds(session, PLAYED, token)) {
            return true;
        }
        add(session, PLAYED, token);
        return false;
    }

    private static boolean holds(HttpSession session, String attribute, String token) {
        return session != null && session.getAttribute(attribute) instanceof Set<?> tokens && tokens.contains(token);
    }

    private static void add(HttpSession session, String attribute, String token) {
        synchronized (session.getId().intern()) {
            @SuppressWarnings("unchecked")
            Set<String> tokens = session.getAttribute(attribute) instanceof Set<?> s ? new HashSet<>((Set<String>) s) : new HashSet<>();
            tokens.add(token);
            session.setAttribute(attribute, tokens); // set again: a distributed session copies what is set
        }
    }
}
