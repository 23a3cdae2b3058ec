package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a backup holds, in {@code manifest.json} (readable without the key, for a person checking a backup): its id,
 * whether it is full or builds on an earlier one, the schema version and row count of each table, how many blobs its
 * rows need and how many it holds itself, and the size and SHA-256 of every file: those of its blobs in
 * {@link BlobSums}' file (format 2), which the manifest names by its SHA-256, those of the others in it. {@code
 * manifest.sig} is the manifest's SHA-256 encrypted with the backup key, so a manifest changed to match changed files
 * is refused too.
 */
record BackupManifest(String id, String kind, String base, Instant createdAt, String node, String database,
                      String schemaVersion, Map<String, Long> tables, long blobsNeeded, List<String> blobsMissing,
                      List<BackupSet.FileEntry> files, BlobSums.Summary blobFiles) {

    static final String FILE = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String FULL = "full";
    static final String INCREMENTAL = "incremental";
    /** A backup's name, as {@link BackupPlace#newId} makes it. */
    static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z-(full|incremental)");
    /** The files a backup holds: its database, keys and blobs folders' files, and its blob list. */
    private static final Pattern PATH = Pattern.compile("(database|keys|blobs)/[A-Za-z0-9][A-Za-z0-9._-]*|blobs\\.list");

    /** How many blobs this backup holds itself (an incremental one: those its base did not have). */
    long blobsHere() {
        return blobFiles != null ? blobFiles.count() : files.stream().filter(f -> f.path().startsWith(BackupSet.BLOBS)).count();
    }

    /** The size of the backup's files, but for the manifest. */
    long bytes() {
        return files.stream().mapToLong(BackupSet.FileEntry::size).sum() + (blobFiles == null ? 0 : blobFiles.bytes());
    }

    /**
     * The blob files it holds with their size and SHA-256, in the order of their paths, read a line at a time from
     * {@code blobs.sums}; a backup made before there was one (format 1) lists them among its {@link #files()}.
     */
    BlobSums.Entries blobEntries(BackupSet set) throws IOException {
        if (blobFiles != null) {
            return new BlobSums.Reader(set, blobFiles);
        }
        Iterator<BackupSet.FileEntry> listed = files.stream().filter(f -> f.path().startsWith(BackupSet.BLOBS))
                .sorted(Comparator.comparing(BackupSet.FileEntry::path)).iterator();
        return () -> listed.hasNext() ? listed.next() : null;
    }

    long rows() {
        return tables.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Writes it and its signature into the backup. */
    void writeTo(BackupSet set, StreamingAead key) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder().add("format", blobFiles == null ? 1 : 2).add("id", id).add("kind", kind);
        if (base != null) {
            json.add("base", base);
        }
        JsonObjectBuilder tableRows = Json.createObjectBuilder();
        tables.forEach(tableRows::add);
        JsonArrayBuilder fileList = Json.createArrayBuilder();
        files.forEach(f -> fileList.add(Json.createObjectBuilder().add("path", f.path()).add("size", f.size()).add("sha256", f.sha256())));
        JsonArrayBuilder missing = Json.createArrayBuilder();
        blobsMissing.forEach(missing::add);
        json.add("createdAt", createdAt.toString()).add("node", node).add("database", database).add("schemaVersion", schemaVersion)
                .add("tables", tableRows).add("blobsNeeded", blobsNeeded).add("blobsMissing", missing).add("files", fileList);
        if (blobFiles != null) {
            json.add("blobFiles", Json.createObjectBuilder().add("list", BlobSums.FILE).add("count", blobFiles.count())
                    .add("bytes", blobFiles.bytes()).add("sha256", blobFiles.sha256()));
        }
        byte[] text = (json.build().toString() + "\n").getBytes(StandardCharsets.UTF_8);
        set.write(SIGNATURE, key, out -> out.write(BackupSet.sha256().digest(text)));
        set.writePlain(FILE, text);
    }

    /**
     * Reads a complete backup's manifest and checks it against its signature and every file against it.
     * @throws BackupDamaged naming the backup and what is wrong
     */
    static BackupManifest verified(BackupSet set, StreamingAead key) {
        byte[] text;
        try (InputStream in = set.open(FILE)) {
            text = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new BackupDamaged("backup " + set.id() + " has no " + FILE + " (" + set.where() + " is not a complete backup)");
        } catch (IOException e) {
            throw new BackupDamaged("cannot read " + FILE + " of backup " + set.id() + ": " + e.getMessage());
        }
        byte[] signed;
        try (InputStream in = set.read(SIGNATURE, key)) {
            signed = in.readAllBytes();
        } catch (IOException e) {
            throw new BackupDamaged("the manifest of backup " + set.id() + " cannot be checked: its signature is missing, changed,"
                    + " or was made with another backup key");
        }
        if (!Arrays.equals(signed, BackupSet.sha256().digest(text))) {
            throw new BackupDamaged("the manifest of backup " + set.id() + " was changed after it was written");
        }
        BackupManifest manifest = parse(text, set.id());
        for (BackupSet.FileEntry entry : manifest.files()) {
            check(set, entry);
        }
        if (manifest.blobFiles() != null) {
            try (BlobSums.Entries blobs = manifest.blobEntries(set)) {
                for (BackupSet.FileEntry entry = blobs.next(); entry != null; entry = blobs.next()) {
                    check(set, entry);
                }
            } catch (NoSuchFileException e) {
                throw new BackupDamaged("backup " + set.id() + " lacks " + BlobSums.FILE);
            } catch (IOException e) {
                throw new BackupDamaged("cannot read " + BlobSums.FILE + " of backup " + set.id() + ": " + e.getMessage());
            }
        }
        return manifest;
    }

    private static void check(BackupSet set, BackupSet.FileEntry entry) {
        BackupSet.FileEntry found;
        try {
            found = set.hashed(entry.path());
        } catch (NoSuchFileException e) {
            throw new BackupDamaged("backup " + set.id() + " lacks " + entry.path());
        } catch (IOException e) {
            throw new BackupDamaged("cannot read " + entry.path() + " of backup " + set.id() + ": " + e.getMessage());
        }
        if (!found.equals(entry)) {
            throw new BackupDamaged(entry.path() + " of backup " + set.id() + " is damaged: its SHA-256 is not the one in the manifest");
        }
    }

    /** Whether the manifest's signature was made with this key (an incremental backup builds only on one that was). */
    static boolean signedWith(BackupSet set, StreamingAead key) {
        try (InputStream in = set.read(SIGNATURE, key); InputStream manifest = set.open(FILE)) {
            return Arrays.equals(in.readAllBytes(), BackupSet.sha256().digest(manifest.readAllBytes()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a manifest without checking anything (to list backups, or to find an incremental one's base). */
    static BackupManifest read(BackupSet set) throws IOException {
        try (InputStream in = set.open(FILE)) {
            return parse(in.readAllBytes(), set.id());
        }
    }

    private static BackupManifest parse(byte[] text, String id) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(text, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            if (json.getInt("format", 1) > 2) {
                throw new BackupDamaged("the manifest of backup " + id + " is of format " + json.getInt("format")
                        + ", which a newer Verbatim writes: restore with that version or newer");
            }
            if (!json.getString("id").equals(id)) {
                throw new BackupDamaged("the manifest in backup " + id + " is that of backup " + json.getString("id"));
            }
            String base = json.getString("base", null);
            if (base != null && !ID.matcher(base).matches()) {
                throw new BackupDamaged("the manifest of backup " + id + " names a base that is no backup's name: " + base);
            }
            Map<String, Long> tables = new LinkedHashMap<>();
            json.getJsonObject("tables").forEach((name, rows) -> tables.put(name, ((JsonNumber) rows).longValue()));
            List<BackupSet.FileEntry> files = new ArrayList<>();
            for (JsonObject f : json.getJsonArray("files").getValuesAs(JsonObject.class)) {
                String path = f.getString("path");
                if (!PATH.matcher(path).matches()) { // only names the backup writes: nothing outside its folder
                    throw new BackupDamaged("the manifest of backup " + id + " lists a file outside it: " + path);
                }
                files.add(new BackupSet.FileEntry(path, f.getJsonNumber("size").longValue(), f.getString("sha256")));
            }
            List<String> missing = json.getJsonArray("blobsMissing").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
            JsonObject sums = json.getJsonObject("blobFiles");
            BlobSums.Summary blobFiles = sums == null ? null : new BlobSums.Summary(sums.getJsonNumber("count").longValue(),
                    sums.getJsonNumber("bytes").longValue(), sums.getString("sha256"));
            return new BackupManifest(id, json.getString("kind"), base, Instant.parse(json.getString("createdAt")),
                    json.getString("node"), json.getString("database"), json.getString("schemaVersion"), tables,
                    json.getJsonNumber("blobsNeeded").longValue(), missing, files, blobFiles);
        } catch (JsonException | ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new BackupDamaged("the manifest of backup " + id + " cannot be read: " + e.getMessage());
        }
    }
}
