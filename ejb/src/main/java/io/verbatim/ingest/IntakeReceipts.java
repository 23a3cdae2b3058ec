package io.verbatim.ingest;

import io.verbatim.storage.DataDirectory;
import io.verbatim.storage.Durability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A note on stable storage for each upload between "its bytes are in the store" and "its catalog row is durable":
 * PBX, file name, SHA-256, size and blob key, in {@code <data>/intake/<node>/}. Whatever happens in between (the
 * server killed, the database refusing or gone), the stored original can be catalogued again from its note
 * ({@link IntakeRecovery}) instead of lying in the store with nothing naming it.
 */
@ApplicationScoped
public class IntakeReceipts {

    private static final Logger LOG = Logger.getLogger(IntakeReceipts.class.getName());
    private static final String SUFFIX = ".receipt";

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "verbatim")
    String node;

    /** One stored upload, as its note names it. */
    public record Receipt(Path file, String pbx, String fileName, String sha256, long size, String blobKey, Instant receivedAt) {
    }

    /** Written, file and folder synced, before the catalog row is attempted. */
    public Receipt write(String pbx, String fileName, String sha256, long size, String blobKey) throws IOException {
        Instant now = Instant.now();
        Properties p = new Properties();
        p.setProperty("pbx", pbx);
        p.setProperty("fileName", fileName);
        p.setProperty("sha256", sha256);
        p.setProperty("size", Long.toString(size));
        p.setProperty("blobKey", blobKey);
        p.setProperty("receivedAt", now.toString());
        StringWriter text = new StringWriter();
        p.store(text, null);
        Path file = folder().resolve(UUID.randomUUID() + SUFFIX);
        Durability.writeNew(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return new Receipt(file, pbx, fileName, sha256, size, blobKey, now);
    }

    /** Once the row (or the refusal kept in quarantine) is durable; no sync needed, a note left over is harmless. */
    public void remove(Receipt receipt) {
        try {
            Files.deleteIfExists(receipt.file());
        } catch (IOException e) {
            LOG.warning("Could not remove the intake receipt " + receipt.file() + " (it is checked again at the next start): " + e);
        }
    }

    /** The notes of this node written before {@code before}, oldest first; unreadable ones are logged and skipped. */
    public List<Receipt> writtenBefore(Instant before) throws IOException {
        List<Receipt> receipts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().endsWith(SUFFIX)
                        || !Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    continue;
                }
                try {
                    receipts.add(read(file));
                } catch (IOException | RuntimeException e) {
                    LOG.warning("Intake receipt " + file + " cannot be read and stays for an administrator: " + e);
                }
            }
        }
        receipts.sort(java.util.Comparator.comparing(Receipt::receivedAt));
        return receipts;
    }

    private static Receipt read(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return new Receipt(file, required(p, "pbx"), required(p, "fileName"), required(p, "sha256"),
                Long.parseLong(required(p, "size")), required(p, "blobKey"), Instant.parse(required(p, "receivedAt")));
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private Path folder() {
        return data.folder("intake/" + node);
    }
}
