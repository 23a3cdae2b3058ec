package io.verbatim.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The free space of the data folder's file system, and the reserve kept there so that the database, conversions and
 * the log still have room when uploads stop being taken: {@code VERBATIM_DISK_RESERVE} as bytes ({@code 512MB},
 * {@code 1GiB}) or a share of the file system ({@code 5%}); by default 1 GiB or 5 %, whichever is less, so a small
 * disk is not reserved whole.
 */
@ApplicationScoped
public class DiskSpace {

    private static final Logger LOG = Logger.getLogger(DiskSpace.class.getName());
    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*(%|b|kb|kib|mb|mib|gb|gib|tb|tib)?");
    private static final long GIB = 1L << 30;

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "verbatim.disk.reserve")
    Optional<String> configured;

    /** What is free for the server's user now. */
    public long usable() {
        try {
            return store().getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + data.root(), e);
        }
    }

    public long reserve() {
        try {
            long total = store().getTotalSpace();
            return configured.map(text -> parse(text, total)).orElse(Math.min(GIB, total / 20));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + data.root(), e);
        }
    }

    /** @throws InsufficientStorageException when storing {@code bytes} more would eat into the reserve */
    public void ensureRoomFor(long bytes) {
        long usable = usable();
        long reserve = reserve();
        if (usable - Math.max(0, bytes) < reserve) {
            LOG.severe("The data folder's disk is nearly full: " + mb(usable) + " free, " + mb(reserve)
                    + " kept in reserve; uploads are refused (507) and conversions wait until there is room");
            throw new InsufficientStorageException("the server's disk is nearly full (" + mb(usable) + " free, "
                    + mb(reserve) + " kept in reserve): nothing was stored; send it again later");
        }
    }

    /** Whether there is more free than the reserve. */
    public boolean aboveReserve() {
        return usable() > reserve();
    }

    static long parse(String text, long total) {
        Matcher m = AMOUNT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("VERBATIM_DISK_RESERVE must be a size such as 1GiB or 500MB, or a share such as 5%: " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "%" -> total / 100 * n;
            case "kb" -> n * 1_000L;
            case "kib" -> n << 10;
            case "mb" -> n * 1_000_000L;
            case "mib" -> n << 20;
            case "gb" -> n * 1_000_000_000L;
            case "gib" -> n << 30;
            case "tb" -> n * 1_000_000_000_000L;
            case "tib" -> n << 40;
            default -> n;
        };
    }

    private FileStore store() throws IOException {
        return Files.getFileStore(data.root());
    }

    private static String mb(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
