package io.verbatim.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Set;

/**
 * The shared recordings whose password a visitor typed, kept in their session (nobody signs in to a share): the
 * share's page unlocks, its audio asks. Tokens are kept, not share ids: a session holding one can open only that link.
 */
public final class UnlockedShares {

    private static final String ATTRIBUTE = "verbatim.unlockedShares";

    private UnlockedShares() {
    }

    public static void unlock(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(true);
        synchronized (session.getId().intern()) {
            @SuppressWarnings("unchecked")
            Set<String> unlocked = session.getAttribute(ATTRIBUTE) instanceof Set<?> s ? new HashSet<>((Set<String>) s) : new HashSet<>();
            unlocked.add(token);
            session.setAttribute(ATTRIBUTE, unlocked); // set again: a distributed session copies what is set
        }
    }

    public static boolean unlocked(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Set<?> unlocked && unlocked.contains(token);
    }
}
