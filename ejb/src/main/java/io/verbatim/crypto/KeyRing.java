package io.verbatim.crypto;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
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
 * The key ring behind encryption at rest. Setting a crypt key makes it the active entry of its owner, a PBX or the
 * deployment (a new one, or the entry it had before if typed again); older entries stay so what they encrypted stays
 * readable; clearing it leaves none active. A PBX's files are encrypted with its own active key, else with the
 * deployment's; with neither, they are stored plain. Data keys never leave this class unencrypted except as Tink
 * primitives.
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

    /** The id of the entry a PBX's new files are encrypted with ({@code null}: the deployment's), if any. */
    public Optional<String> activeId(String pbx) {
        Optional<String> own = pbx == null ? Optional.empty() : ownActiveId(pbx);
        return own.isPresent() ? own : ownActiveId(null);
    }

    /** The id of the active entry a PBX ({@code null}: the deployment) set itself, if any. */
    public Optional<String> ownActiveId(String pbx) {
        return entriesOf(pbx, "select k.id from CryptKey k where k.active = true", String.class).stream().findFirst();
    }

    /** Makes {@code cryptKey} the one a PBX's ({@code null}: the deployment's) new files are encrypted with; @return its id. */
    public String activate(String pbx, char[] cryptKey, String by) {
        List<CryptKey> all = entriesOf(pbx, "select k from CryptKey k where 1 = 1", CryptKey.class);
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
            CryptKey entry = new CryptKey(id, pbx, Instant.now().truncatedTo(ChronoUnit.MILLIS), by, PasswordHash.of(cryptKey), encrypted);
            entry.activate(true);
            em.persist(entry);
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a data key", e);
        }
    }

    /**
     * No crypt key of a PBX's ({@code null}: the deployment's): its new files follow the deployment's key (the
     * deployment's: are stored plain); what was encrypted stays readable.
     */
    public void clear(String pbx) {
        entriesOf(pbx, "select k from CryptKey k where k.active = true", CryptKey.class).forEach(k -> k.activate(false));
    }

    /** {@code select} (whose where-clause comes first) narrowed to one owner's entries, oldest first. */
    private <T> List<T> entriesOf(String pbx, String select, Class<T> type) {
        String owner = pbx == null ? " and k.pbx is null" : " and k.pbx = :pbx";
        var query = em.createQuery(select + owner + " order by k.createdAt", type);
        return (pbx == null ? query : query.setParameter("pbx", pbx)).getResultList();
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
