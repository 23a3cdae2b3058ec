package io.verbatim.backup;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * What a backup of many blobs costs beside copying them (run by {@code ear/bin/bench-backup}, not by the suite): in
 * a folder, a full backup's blob list of N blobs and an incremental one's with 1% more, read side by side to find
 * what the incremental one copies; the full backup's sums made from its N records and N files (each looked at); the
 * sums read back as a restore checks them; and the restore's walk through the blob list and the sums together. The
 * blob files are empty (their copying and hashing is the store's and the disk's speed, not this). Run it with the heap
 * capped: the figures that matter are that it finishes, and the heap each step holds on to.
 */
public final class BackupScaleBenchmark {

    public static void main(String[] args) throws Exception {
        long n = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Path root = Files.createDirectories(Path.of(args[0]));
        StreamingAeadConfig.register();
        StreamingAead key = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM_HKDF_1MB")).getPrimitive(StreamingAead.class);
        BackupFolder place = new BackupFolder(root);
        System.out.printf("backup of %,d blobs, heap capped at %d MB%n", n, Runtime.getRuntime().maxMemory() >> 20);

        long started = System.nanoTime();
        BackupSet full = place.partial("20261206T000000Z-full");
        list(full, key, n, i -> i % 2 == 0);
        BackupSet next = place.partial("20261207T000000Z-incremental");
        list(next, key, n, i -> i % 2 == 0 || i % 200 == 1);
        report("blob lists written (N and N + 1%)", started);

        started = System.nanoTime();
        long toCopy = 0;
        try (BlobsToCopy copy = new BlobsToCopy(next, full, Set.of(), null, key)) {
            while (copy.hasNext()) {
                copy.next();
                toCopy++;
            }
        }
        report(String.format("incremental: %,d blobs to copy found", toCopy), started);

        started = System.nanoTime();
        Path blobs = Files.createDirectories(root.resolve("20261206T000000Z-full.partial").resolve(BackupBlobs.FOLDER));
        BackupRecords records = full.records();
        String empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; // the SHA-256 of no bytes
        for (long i = 0; i < 2 * n; i += 2) {
            String relative = BackupBlobs.fileOf(stored(i));
            Files.createFile(blobs.resolve(relative.substring(BackupSet.BLOBS.length())));
            records.append(new BackupSet.FileEntry(relative, 0, empty), BackupRecords.NO_VERSION);
        }
        report(String.format("%,d blob files and records made (what copying leaves)", n), started);

        started = System.nanoTime();
        BlobSums.Summary sums;
        List<String> missing = new ArrayList<>();
        try (BlobsToCopy all = new BlobsToCopy(full, null, Set.of(), null, key)) {
            sums = BlobSums.write(full, all, stored -> false, missing);
        }
        report(String.format("full: sums of %,d files written from the records (%,d missing)", sums.count(), missing.size()), started);

        started = System.nanoTime();
        long read = 0;
        try (BlobSums.Reader check = new BlobSums.Reader(full, sums)) {
            while (check.next() != null) {
                read++;
            }
        }
        report(String.format("restore: %,d sums read and checked against the manifest", read), started);

        started = System.nanoTime();
        long held = 0;
        try (BlobsToCopy needed = new BlobsToCopy(full, null, Set.of(), null, key);
             BlobSums.Reader holder = new BlobSums.Reader(full, sums)) {
            BackupSet.FileEntry at = holder.next();
            while (needed.hasNext()) {
                String file = BackupBlobs.fileOf(needed.next());
                while (at != null && at.path().compareTo(file) < 0) {
                    at = holder.next();
                }
                if (at != null && at.path().equals(file)) {
                    held++;
                }
            }
        }
        report(String.format("restore: %,d needed blobs matched to the backup holding them", held), started);
    }

    /** A stored key; the numbers' order is the keys' order. */
    private static String stored(long i) {
        return "sha256:" + String.format("%064x", i);
    }

    private static void list(BackupSet set, StreamingAead key, long n, LongPredicate named) throws Exception {
        set.write(Backups.BLOB_LIST, key, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            for (long i = 0; i < 2 * n; i++) {
                if (named.test(i)) {
                    out.write((stored(i) + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.flush();
        });
    }

    /** A step's time, and the heap still in use after it once collected (what the step holds on to). */
    private static void report(String what, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("%-70s %6.1f s  %4d MB live%n", what, seconds, live >> 20);
    }
}
