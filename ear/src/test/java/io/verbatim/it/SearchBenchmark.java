package io.verbatim.it;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Search at scale, kept as a benchmark (ear/bin/bench-search), not a test. {@code generate JDBC_URL USER PASSWORD ROWS}
 * writes ROWS recordings with call information straight into a migrated database (generated rows, not uploads: 20
 * PBXs, 100 users each, a year of calls written oldest first as they arrive, 95 % with call information whose outside
 * parties have tens of thousands of names, 1 % with a note); {@code measure URL ADMIN_PASSWORD} then times the typical
 * searches through {@code GET /api/v1/recordings} as the operator, a PBX's administrator and a user, and prints
 * p50/p95/max of each.
 */
public final class SearchBenchmark {

    static final int PBXS = 20;
    static final int USERS_PER_PBX = 100;
    static final long SEED = 20261204L;
    /** The newest call is this old: the rows stay the same whenever they are generated. */
    static final Instant NEWEST = Instant.parse("2026-11-30T18:00:00Z");

    private static final String[] FIRST = {"Anna", "Jonas", "Maria", "Lukas", "Sofia", "Felix", "Emma", "Paul", "Mia", "Leon",
            "Hannah", "Elias", "Lea", "Noah", "Clara", "Ben", "Lina", "Tom", "Ida", "Jan", "Zoé", "Ömer", "Chloé", "Björn"};
    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann",
            "Krüger", "Hartmann", "Lange", "Werner", "López", "Dubois", "Rossi", "Novak", "Kowalski"};
    private static final String[] COMPANY = {"Acme GmbH", "Globex AG", "Initech", "Umbrella Logistik", "Stark Industries",
            "Wayne Enterprises", "Hooli", "Vandelay Import Export", "Soylent KG", "Tyrell Corp", "Cyberdyne Systems",
            "Wonka Confiserie", "Oceanic Airlines", "Dunder Mifflin", "Pied Piper", "Massive Dynamic"};
    private static final String[] SYLLABLE = {"ber", "han", "kel", "mar", "to", "ri", "sen", "dor", "wal", "li", "gart", "ner",
            "hof", "ste", "ko", "vic", "lan", "mo", "tz", "rup", "el", "stein", "bach", "feld", "ow", "ski", "ma", "nu", "ger", "ha"};
    private static final String[] SUFFIX = {"GmbH", "AG", "KG", "SE", "Ltd", "& Co.", "e.K.", "GmbH & Co. KG"};
    private static final String[] AREA = {"30", "40", "69", "89", "221", "211", "711", "351", "341", "511"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "measure" -> measure(args[1], args[2]);
            default -> throw new IllegalArgumentException("generate or measure, not " + args[0]);
        }
    }

    static String pbx(int p) {
        return String.format("pbx%02d.bench.example", p);
    }

    static String user(int p, int u) {
        return String.format("agent%02d%03d", p, u);
    }

    static String displayName(int p, int u) {
        return FIRST[(p * 7 + u) % FIRST.length] + " " + LAST[(p * 13 + u * 3) % LAST.length];
    }

    static String extension(int u) {
        return "+49 89 4711 " + (100 + u);
    }

    /** An outside party: a company or a person (tens of thousands of names), with a number of a German city. */
    record Party(String name, String number) {
        static Party random(Random random) {
            String name = random.nextInt(10) == 0 ? COMPANY[random.nextInt(COMPANY.length)]
                    : random.nextBoolean() ? FIRST[random.nextInt(FIRST.length)] + " " + madeUp(random, 3)
                    : madeUp(random, 2) + " " + SUFFIX[random.nextInt(SUFFIX.length)];
            return new Party(name, "+49 " + AREA[random.nextInt(AREA.length)] + " " + (1_000_000 + random.nextInt(9_000_000)));
        }

        private static String madeUp(Random random, int syllables) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLE[random.nextInt(SYLLABLE.length)]);
            }
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }

    static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static void generate(String jdbcUrl, String user, String password, int rows) throws Exception {
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            boolean postgres = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            db.setAutoCommit(false);
            String hash;
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select password_hash from app_user where username = 'admin'")) {
                if (!r.next()) {
                    throw new IllegalStateException("no user admin: start the server once (migrations, administrator) first");
                }
                hash = r.getString(1);
            }
            try (PreparedStatement tenant = db.prepareStatement("insert into tenant (name) values (?)");
                 PreparedStatement account = db.prepareStatement("insert into app_user (username, display_name, password_hash, role, "
                         + "active, pbx, timezone, licensed, licensed_since) values (?, ?, ?, ?, true, ?, 'Europe/Berlin', true, ?)")) {
                for (int p = 1; p <= PBXS; p++) {
                    tenant.setString(1, pbx(p));
                    tenant.addBatch();
                    account.setString(1, String.format("admin%02d", p));
                    account.setString(2, "Administrator " + p);
                    account.setString(3, hash);
                    account.setString(4, "ADMIN");
                    account.setString(5, pbx(p));
                    account.setTimestamp(6, Timestamp.from(NEWEST.minus(400, ChronoUnit.DAYS)));
                    account.addBatch();
                    for (int u = 1; u <= USERS_PER_PBX; u++) {
                        account.setString(1, user(p, u));
                        account.setString(2, displayName(p, u));
                        account.setString(3, hash);
                        account.setString(4, "USER");
                        account.setString(5, pbx(p));
                        account.setTimestamp(6, Timestamp.from(NEWEST.minus(400, ChronoUnit.DAYS)));
                        account.addBatch();
                    }
                }
                tenant.executeBatch();
                account.executeBatch();
            }
            db.commit();

            Random random = new Random(SEED);
            String[] directions = {"INBOUND", "OUTBOUND", "INTERNAL"};
            try (PreparedStatement recording = db.prepareStatement("insert into recording (pbx, file_name, call_id, device, owner, "
                    + "capture_user, received_at, started_at, duration_seconds, codec, original_key, original_size, original_sha256, "
                    + "audio_key, audio_size, audio_format, state, only_me, protected_at, sealed_at, version, conversion_attempts) "
                    + "values (?, ?, ?, '009033aabbcc', ?, ?, ?, ?, ?, 'G.711 A-law', ?, ?, ?, ?, ?, 'WAV', ?, ?, ?, ?, 0, 1)");
                 PreparedStatement call = db.prepareStatement("insert into call_record (pbx, call_id, direction, local_number, "
                         + "local_name, remote_number, remote_name, local_digits, remote_digits, start_at, connect_at, end_at, "
                         + "received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long span = Duration.ofDays(365).toSeconds();
                for (int i = 0; i < rows; i++) {
                    int p = 1 + random.nextInt(PBXS);
                    int u = 1 + random.nextInt(USERS_PER_PBX);
                    String owner = user(p, u);
                    String callId = String.format("%016x%016x", random.nextLong(), random.nextLong());
                    int seconds = 5 + random.nextInt(1200);
                    // oldest first, as calls arrive (a table filled at random would put each day's calls all over
                    // the disk); more calls lately than a year ago
                    double age = 1 - (i + random.nextDouble()) / rows;
                    Instant start = NEWEST.minusSeconds((long) (span * Math.pow(age, 1.3)));
                    Instant received = start.plusSeconds(seconds + 2);
                    recording.setString(1, pbx(p));
                    recording.setString(2, callId + "-009033aabbcc-" + (1 + random.nextInt(3)) + "--" + owner + ".pcap");
                    recording.setString(3, callId);
                    recording.setString(4, owner);
                    recording.setString(5, owner);
                    recording.setTimestamp(6, Timestamp.from(received));
                    recording.setTimestamp(7, Timestamp.from(start));
                    recording.setDouble(8, seconds);
                    recording.setString(9, "bench-original-" + i);
                    recording.setLong(10, 48L * seconds * 21);
                    recording.setString(11, String.format("%064x", i));
                    recording.setString(12, "bench-audio-" + i);
                    recording.setLong(13, 32_000L * seconds);
                    int roll = random.nextInt(100);
                    // no RECEIVED or CONVERTING: conversion would claim them and find no capture
                    recording.setString(14, roll < 97 ? "READY" : "FAILED");
                    recording.setBoolean(15, random.nextInt(50) == 0);
                    recording.setTimestamp(16, random.nextInt(100) == 0 ? Timestamp.from(received) : null);
                    recording.setTimestamp(17, Timestamp.from(received));
                    recording.addBatch();
                    if (random.nextInt(100) < 95) {
                        String direction = directions[random.nextInt(100) < 45 ? 0 : random.nextInt(100) < 75 ? 1 : 2];
                        Party remote = direction.equals("INTERNAL")
                                ? new Party(displayName(p, 1 + random.nextInt(USERS_PER_PBX)), extension(random.nextInt(USERS_PER_PBX)))
                                : Party.random(random);
                        call.setString(1, pbx(p));
                        call.setString(2, callId);
                        call.setString(3, direction);
                        call.setString(4, extension(u));
                        call.setString(5, displayName(p, u));
                        call.setString(6, remote.number());
                        call.setString(7, remote.name());
                        call.setString(8, digits(extension(u)));
                        call.setString(9, digits(remote.number()));
                        call.setTimestamp(10, Timestamp.from(start));
                        call.setTimestamp(11, Timestamp.from(start.plusSeconds(8)));
                        call.setTimestamp(12, Timestamp.from(start.plusSeconds(seconds)));
                        call.setTimestamp(13, Timestamp.from(received));
                        call.addBatch();
                    }
                    if ((i + 1) % 5_000 == 0 || i == rows - 1) {
                        // the calls first: PostgreSQL then writes each recording's search columns once, as it inserts it (V30)
                        call.executeBatch();
                        recording.executeBatch();
                        db.commit();
                    }
                    if ((i + 1) % 100_000 == 0) {
                        System.out.printf("%,d rows in %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
                    }
                }
            }
            try (Statement s = db.createStatement()) {
                // a note on one recording in a hundred
                s.executeUpdate("insert into recording_note (recording_id, author, written_at, note_text) select id, owner, received_at, "
                        + "'Customer asked for a callback about the invoice' from recording where mod(id, 100) = 7");
                db.commit();
            }
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute(postgres ? "vacuum analyze" : "analyze");
            }
        }
        System.out.printf("generated %,d recordings in %.0f s%n", rows, (System.nanoTime() - started) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final int RUNS = 40;

    /**
     * Every search twice: first as the server meets them after a start (its code still being compiled), then, with
     * other values (so no answer of the first pass is found in a cache), as it answers once in service. Both printed.
     */
    static void measure(String url, String password) throws Exception {
        String operator = token(url, "admin", password);
        String pbxAdmin = token(url, "admin07", password);
        String user = token(url, user(7, 42), password);
        System.out.println("-- first pass after the server started");
        searches(url, operator, pbxAdmin, user, new Random(SEED + 2));
        System.out.println("-- in service (the figures)");
        searches(url, operator, pbxAdmin, user, new Random(SEED + 1));
    }

    private static void searches(String url, String operator, String pbxAdmin, String user, Random random) throws Exception {
        time(url, "newest page, operator", operator, i -> "limit=50");
        time(url, "newest page, a PBX's administrator", pbxAdmin, i -> "limit=50");
        time(url, "newest page, a user", user, i -> "limit=50");
        time(url, "number prefix (\"030 12…\"), operator", operator, i -> "number=" + enc("0" + AREA[i % AREA.length] + " " + (1 + random.nextInt(9)) + random.nextInt(10)));
        time(url, "number prefix, a user", user, i -> "number=" + enc("0" + AREA[i % AREA.length] + " " + (1 + random.nextInt(9))));
        time(url, "a party's name, 6 letters of it, operator", operator, i -> "text=" + enc(fragment(random)));
        time(url, "a party's name, a PBX's administrator", pbxAdmin, i -> "text=" + enc(fragment(random)));
        time(url, "a party's name, a user", user, i -> "text=" + enc(fragment(random)));
        time(url, "a colleague's surname (each ~3 % of calls), operator", operator, i -> "text=" + enc(LAST[i % LAST.length]));
        time(url, "owner + a month, operator", operator, i -> {
            LocalDate month = LocalDate.ofInstant(NEWEST, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(i % 12);
            return "owner=" + user(1 + random.nextInt(PBXS), 1 + random.nextInt(USERS_PER_PBX)) + "&from=" + month + "&to=" + month.plusMonths(1).minusDays(1);
        });
        time(url, "a week, a PBX's administrator", pbxAdmin, i -> {
            LocalDate day = LocalDate.ofInstant(NEWEST, ZoneOffset.UTC).minusDays(7L * (i % 50));
            return "from=" + day.minusDays(6) + "&to=" + day;
        });
    }

    /** Six letters of an outside party's name, as someone remembers it ("kelmar" of "Jonas Bekelmarto"). */
    private static String fragment(Random random) {
        String name = Party.random(random).name();
        int start = random.nextInt(Math.max(1, name.length() - 6));
        return name.substring(start, Math.min(name.length(), start + 6)).strip();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void time(String url, String label, String token, IntFunction<String> query) throws Exception {
        long[] millis = new long[RUNS];
        long total = 0;
        for (int i = -5; i < RUNS; i++) { // five to warm up
            String q = query.apply(Math.floorMod(i, RUNS));
            long t0 = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/recordings?" + q))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(label + ": " + q + " answered " + answer.statusCode() + " " + answer.body());
            }
            if (i >= 0) {
                millis[i] = elapsed;
                total += VerbatimServer.json(answer.body()).getJsonNumber("total").longValue();
            }
        }
        Arrays.sort(millis);
        System.out.printf("%-48s p50 %4d ms  p95 %4d ms  max %4d ms  (%,d matches on average)%n", label, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1], millis[RUNS - 1], total / RUNS);
    }

    private static String token(String url, String username, String password) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"search benchmark\",\"expiresInDays\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new IllegalStateException("token for " + username + ": " + answer.statusCode() + " " + answer.body());
        }
        JsonObject body = VerbatimServer.json(answer.body());
        return body.getString("secret");
    }
}
