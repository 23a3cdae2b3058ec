package io.verbatim.crypto;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salted, slow password hashes (PBKDF2-HMAC-SHA256 from the JDK), stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the cost can rise later without breaking old hashes.
 * <p>
 * A pair that matched is remembered for a few minutes ({@link RecentMatches}): an API client or a device sends its
 * password with every request, and the slow hash (some 45 ms of a core each) would otherwise be paid again each time.
 * Only matches are remembered, so every wrong guess still costs the full hash; the stored hash is part of what is
 * remembered, so a changed password is checked afresh at once.
 */
public final class PasswordHash {

    static final int ITERATIONS = 120_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RecentMatches RECENT = new RecentMatches(Duration.ofMinutes(10), 4096);
    /** How many slow hashes were computed: what the remembered matches save is visible to a test. */
    private static final AtomicLong DERIVED = new AtomicLong();

    private PasswordHash() {
    }

    public static String of(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    public static boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        String pair = RECENT.pairOf(password, stored);
        if (RECENT.contains(pair)) {
            return true;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        boolean matches = MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
        if (matches) {
            RECENT.add(pair);
        }
        return matches;
    }

    /** Slow hashes computed since the server started. */
    static long derived() {
        return DERIVED.get();
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        DERIVED.incrementAndGet();
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Password and stored hash pairs that matched lately, each kept for {@code kept} after its slow check, the oldest
     * dropped past {@code most}. A pair is kept as an HMAC under a key made at start and never stored, not as the
     * password. Whoever takes a dump of the server's memory has that key too and could test guesses of the recent
     * passwords at HMAC speed, not PBKDF2's; such a dump holds the decrypted crypt keys already.
     */
    static final class RecentMatches {

        private final long keptNanos;
        private final Map<String, Long> matchedAt;
        private final SecretKeySpec key;

        RecentMatches(Duration kept, int most) {
            this.keptNanos = kept.toNanos();
            this.matchedAt = new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > most;
                }
            };
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            this.key = new SecretKeySpec(secret, "HmacSHA256");
        }

        String pairOf(char[] password, String stored) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                mac.update(stored.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
                mac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)));
                return b64(mac.doFinal());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java", e);
            }
        }

        synchronized boolean contains(String pair) {
            Long at = matchedAt.get(pair);
            if (at == null) {
                return false;
            }
            if (System.nanoTime() - at > keptNanos) {
                matchedAt.remove(pair);
                return false;
            }
            return true;
        }

        synchronized void add(String pair) {
            matchedAt.remove(pair); // re-inserted: the order of the map is the order of the checks
            matchedAt.put(pair, System.nanoTime());
        }
    }
}
