package io.verbatim.crypto;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.verbatim.directory.PasswordHash;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key ring behind encryption at rest. Setting a crypt key makes it the active entry (a new one, or the entry it
 * had before if typed again); older entries stay so what they encrypted stays readable; clearing it leaves none
 * active, and new files are stored plain. Data keys never leave this class unencrypted except as Tink primitives.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class KeyRing {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Primitives by key id: entries never change once written, so they are cached for the server's life. */
    private static final Map<String, StreamingAead> PRIMITIVES = new ConcurrentHashMap<>();
    static final String TEMPLATE = "AES256_GCM_HKDF_1MB";

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey master;

    /** The active entry's id, if a crypt key is set. */
    public Optional<String> activeId() {
        List<String> ids = em.createQuery("select k.id from CryptKey k where k.active = true", String.class).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    /** Makes {@code cryptKey} the one new files are encrypted with; @return its id. */
    public String activate(char[] cryptKey, String by) {
        List<CryptKey> all = em.createQuery("select k from CryptKey k order by k.createdAt", CryptKey.class).getResultList();
        all.forEach(k -> k.activate(false));
        for (CryptKey k : all) {
            if (PasswordHash.matches(cryptKey, k.getFingerprint())) {
                k.activate(true);
                return k.getId();
            }
        }
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(KeyTemplates.get(TEMPLATE));
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            String id = "k" + HexFormat.of().formatHex(random);
            String encrypted = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), id.getBytes(StandardCharsets.UTF_8));
            CryptKey entry = new CryptKey(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), by, PasswordHash.of(cryptKey), encrypted);
            entry.activate(true);
            em.persist(entry);
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a data key", e);
        }
    }

    /** No crypt key: new files are stored plain; what was encrypted stays readable. */
    public void clear() {
        em.createQuery("select k from CryptKey k where k.active = true", CryptKey.class).getResultList().forEach(k -> k.activate(false));
    }

    /** The streaming AEAD of an entry, to read (or write) what it encrypts. */
    public StreamingAead streaming(String id) {
        return PRIMITIVES.computeIfAbsent(id, this::load);
    }

    private StreamingAead load(String id) {
        CryptKey entry = em.find(CryptKey.class, id);
        if (entry == null) {
            throw new IllegalStateException("no crypt key " + id + " in the key ring");
        }
        try {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(entry.getEncryptedKeyset(), master.aead(), id.getBytes(StandardCharsets.UTF_8))
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("crypt key " + id + " cannot be opened with this server's master key", e);
        }
    }
}
