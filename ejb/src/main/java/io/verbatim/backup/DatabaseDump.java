package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import io.verbatim.storage.BlobUsers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;

/**
 * Verbatim's tables in and out of a backup: every row of every table, read in one snapshot of the database (the
 * rows agree with each other and with the blobs they name), one compressed JSON file a table; and back into an
 * empty database in the order their foreign keys need, in one transaction, with each identity column set to go on
 * after the highest id. The rows are written by column type, not by database, so the same backup fills H2 or
 * PostgreSQL.
 */
@ApplicationScoped // called outside any JTA transaction (Backups, SchemaMigration): the snapshot is one of its own, on one connection
public class DatabaseDump {

    private static final Logger LOG = Logger.getLogger(DatabaseDump.class.getName());
    static final String FOLDER = "database";
    /** A running node's leases, the migrations' own record and the batch runtime's job history are not what was recorded. */
    private static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "cluster_lease",
            "job_instance", "job_execution", "step_execution", "partition_execution");
    private static final int BATCH = 500;

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    @Inject
    Instance<BlobUsers> blobUsers;

    /** What a dump wrote: the rows of each table in the order they load in, how many blobs they name, the database's name. */
    record Dumped(Map<String, Long> tables, long blobs, String database) {
    }

    /** The columns naming blobs, by table. */
    private Map<String, Set<String>> keyColumns() {
        Map<String, Set<String>> keyColumns = new TreeMap<>();
        for (BlobUsers users : blobUsers) {
            for (String column : users.keyColumns()) {
                String[] tableColumn = column.split("\\.");
                keyColumns.computeIfAbsent(tableColumn[0], t -> new TreeSet<>()).add(tableColumn[1]);
            }
        }
        return keyColumns;
    }

    /** Whether a row names the blob stored under this key now (as it is, or encrypted at rest under it). */
    boolean stillNamed(String storedKey) {
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, Set<String>> table : keyColumns().entrySet()) {
                for (String column : table.getValue()) {
                    try (PreparedStatement named = c.prepareStatement("select count(*) from " + table.getKey() + " where " + column
                            + " = ? or " + column + " like ?")) {
                        named.setString(1, storedKey);
                        named.setString(2, "enc:%:" + storedKey);
                        try (ResultSet rs = named.executeQuery()) {
                            if (rs.next() && rs.getLong(1) > 0) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the database which rows name " + storedKey + ": " + e.getMessage(), e);
        }
    }

    /** Writes every table into {@code set}, and the blobs their rows name into its {@code blobList}, in one snapshot. */
    Dumped dump(BackupSet set, String blobList, StreamingAead key) {
        Map<String, Set<String>> keyColumns = keyColumns();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            String database = c.getMetaData().getDatabaseProductName();
            c.setAutoCommit(false);
            // PostgreSQL's repeatable read is a snapshot taken at the first read; H2's snapshot is its serializable
            c.setTransactionIsolation(postgres(c) ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_SERIALIZABLE);
            try {
                Map<String, Long> tables = new LinkedHashMap<>();
                for (Map.Entry<String, String> table : loadOrder(c).entrySet()) {
                    tables.put(table.getKey(), writeTable(c, table.getKey(), table.getValue(), set, key));
                }
                return new Dumped(tables, writeBlobList(c, set, blobList, key, keyColumns), database);
            } finally {
                try {
                    c.rollback();
                } finally { // the pool's connection as it was, whatever the rollback said
                    c.setTransactionIsolation(isolation);
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database for the backup: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the database into the backup: " + e.getMessage(), e);
        }
    }

    static String fileOf(String table) {
        return FOLDER + "/" + table + ".json.gz";
    }

    /**
     * Writes the keys the blobs named by the rows are stored under, each once, in order ({@link BlobsToCopy} reads two
     * such lists side by side): the database sorts them, since there may be millions.
     * @return how many
     */
    static long writeBlobList(Connection c, BackupSet set, String blobList, StreamingAead key, Map<String, Set<String>> keyColumns)
            throws SQLException, IOException {
        List<String> named = new ArrayList<>();
        for (Map.Entry<String, Set<String>> table : keyColumns.entrySet()) {
            for (String column : table.getValue()) { // a key encrypted at rest (enc:<crypt key>:sha256:…) is stored under its sha256:…
                named.add("select case when position('sha256:' in " + column + ") > 1 then substring(" + column + " from position('sha256:'"
                        + " in " + column + ")) else " + column + " end as stored from " + table.getKey() + " where " + column + " is not null");
            }
        }
        long[] count = {0};
        if (named.isEmpty()) {
            set.write(blobList, key, out -> { });
            return 0;
        }
        // in Java's order of strings, which the list's readers check: PostgreSQL's "C" collation is that, H2's default too
        String sql = "select stored from (" + String.join(" union ", named) + ") named order by stored" + (postgres(c) ? " collate \"C\"" : "");
        try (Statement select = c.createStatement()) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery(sql)) {
                set.write(blobList, key, out -> {
                    Writer lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
                    try {
                        while (rs.next()) {
                            lines.write(rs.getString(1));
                            lines.write('\n');
                            count[0]++;
                        }
                    } catch (SQLException e) {
                        throw new IOException("cannot read the blobs the rows name: " + e.getMessage(), e);
                    }
                    lines.flush();
                });
            }
        }
        return count[0];
    }

    private long writeTable(Connection c, String table, String name, BackupSet set, StreamingAead key) throws SQLException, IOException {
        long[] rows = {0};
        String order = primaryKey(c, name);
        try (Statement select = c.createStatement()) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery("select * from " + table + (order.isEmpty() ? "" : " order by " + order))) {
                ResultSetMetaData columns = rs.getMetaData();
                set.write(fileOf(table), key, out -> {
                    Writer text = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8);
                    try (JsonGenerator json = Json.createGenerator(text)) {
                        json.writeStartArray();
                        while (rs.next()) {
                            json.writeStartObject();
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                String column = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
                                JsonValue value = read(rs, i, columns.getColumnType(i), columns.getColumnTypeName(i));
                                json.write(column, value);
                            }
                            json.writeEnd();
                            rows[0]++;
                        }
                        json.writeEnd();
                    } catch (SQLException e) {
                        throw new IOException("cannot read table " + table + ": " + e.getMessage(), e);
                    }
                });
            }
        }
        return rows[0];
    }

    private static JsonValue read(ResultSet rs, int i, int type, String typeName) throws SQLException {
        JsonValue value = switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Json.createValue(rs.getLong(i));
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i) ? JsonValue.TRUE : JsonValue.FALSE;
            case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i) == null ? JsonValue.NULL : Json.createValue(rs.getBigDecimal(i));
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> Double.isFinite(rs.getDouble(i)) ? Json.createValue(rs.getDouble(i))
                    : Json.createValue(Double.toString(rs.getDouble(i))); // NaN and infinities as text, which setDouble reads back
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    rs.getBytes(i) == null ? JsonValue.NULL : Json.createValue(Base64.getEncoder().encodeToString(rs.getBytes(i)));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> zoned(type, typeName)
                    ? text(rs.getObject(i, OffsetDateTime.class)) : text(rs.getObject(i, LocalDateTime.class));
            case Types.DATE -> text(rs.getObject(i, LocalDate.class));
            default -> rs.getString(i) == null ? JsonValue.NULL : Json.createValue(rs.getString(i));
        };
        return rs.wasNull() ? JsonValue.NULL : value;
    }

    private static JsonValue text(Object value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }

    /** PostgreSQL calls {@code timestamp with time zone} a TIMESTAMP named timestamptz; H2 has a type of its own for it. */
    private static boolean zoned(int type, String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        return type == Types.TIMESTAMP_WITH_TIMEZONE || name.contains("tz") || name.contains("time zone");
    }

    /**
     * Fills an empty database, migrated to the backup's schema version, with the backup's rows, in one transaction:
     * a restore that fails partway leaves it empty.
     * @return the rows written of each table
     */
    Map<String, Long> load(DataSource into, BackupSet set, StreamingAead key, BackupManifest manifest) {
        try (Connection c = into.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<String, String> present = tables(c);
                for (String table : manifest.tables().keySet()) {
                    if (!present.containsKey(table)) {
                        throw new BackupDamaged("the backup has rows of table " + table + ", which schema version "
                                + manifest.schemaVersion() + " of this database does not have");
                    }
                }
                // the database was empty before the migrations (SchemaMigration checks): what is in it now they put
                // there (a first chain end, default rows), and the backup has its own of each
                List<String> reversed = new ArrayList<>(manifest.tables().keySet());
                Collections.reverse(reversed);
                for (String table : reversed) {
                    try (Statement delete = c.createStatement()) {
                        delete.executeUpdate("delete from " + table);
                    }
                }
                Map<String, Long> loaded = new LinkedHashMap<>();
                for (String table : manifest.tables().keySet()) {
                    loaded.put(table, loadTable(c, table, present.get(table), set, key));
                    if (loaded.get(table).longValue() != manifest.tables().get(table)) {
                        throw new BackupDamaged("table " + table + " of backup " + set.id() + " has " + loaded.get(table)
                                + " rows, and its manifest says " + manifest.tables().get(table));
                    }
                }
                c.commit();
                return loaded;
            } catch (RuntimeException | SQLException | IOException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the database from the backup: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupDamaged("the database of backup " + set.id() + " cannot be read: " + e.getMessage());
        }
    }

    private long loadTable(Connection c, String table, String name, BackupSet set, StreamingAead key) throws SQLException, IOException {
        Map<String, Column> columns = columns(c, name);
        long rows = 0;
        try (InputStream in = set.read(fileOf(table), key);
             JsonParser json = Json.createParser(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            if (json.next() != JsonParser.Event.START_ARRAY) {
                throw new IOException(fileOf(table) + " is not a list of rows");
            }
            List<String> names = null;
            PreparedStatement insert = null;
            try {
                while (json.next() == JsonParser.Event.START_OBJECT) {
                    JsonObject row = json.getObject();
                    if (insert == null) {
                        names = row.keySet().stream().filter(n -> columns.containsKey(n) && !columns.get(n).generated()).toList();
                        List<String> unknown = row.keySet().stream().filter(n -> !columns.containsKey(n)).toList();
                        if (!unknown.isEmpty()) {
                            LOG.warning("Restore: table " + table + " has no column " + unknown + " here; those values are left out");
                        }
                        insert = c.prepareStatement("insert into " + table + " (" + String.join(", ", names) + ") values ("
                                + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")");
                    }
                    for (int i = 0; i < names.size(); i++) {
                        set(insert, i + 1, columns.get(names.get(i)), row.get(names.get(i)));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                if (insert != null) {
                    insert.executeBatch();
                }
            } finally {
                if (insert != null) {
                    insert.close();
                }
            }
        }
        for (Column column : columns.values()) {
            if (column.identity()) { // new rows go on after the restored ones
                long next = 1;
                try (Statement max = c.createStatement(); ResultSet rs = max.executeQuery("select max(" + column.name() + ") from " + table)) {
                    if (rs.next()) {
                        next = rs.getLong(1) + 1;
                    }
                }
                try (Statement restart = c.createStatement()) {
                    restart.execute("alter table " + table + " alter column " + column.name() + " restart with " + next);
                }
            }
        }
        return rows;
    }

    private static void set(PreparedStatement insert, int i, Column column, JsonValue value) throws SQLException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            insert.setNull(i, column.type());
            return;
        }
        switch (column.type()) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setLong(i, ((JsonNumber) value).longValue());
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(i, value == JsonValue.TRUE);
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(i, ((JsonNumber) value).bigDecimalValue());
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> insert.setDouble(i, value instanceof JsonNumber n ? n.doubleValue()
                    : Double.parseDouble(((JsonString) value).getString()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    insert.setBytes(i, Base64.getDecoder().decode(((JsonString) value).getString()));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                String text = ((JsonString) value).getString();
                if (zoned(column.type(), column.typeName())) {
                    insert.setObject(i, OffsetDateTime.parse(text));
                } else {
                    insert.setObject(i, LocalDateTime.parse(text));
                }
            }
            case Types.DATE -> insert.setObject(i, LocalDate.parse(((JsonString) value).getString()));
            default -> insert.setString(i, value instanceof JsonString s ? s.getString() : value.toString());
        }
    }

    /** A column as the restore needs it: its type, and whether the database fills it itself. */
    private record Column(String name, int type, String typeName, boolean generated, boolean identity) {
    }

    private static Map<String, Column> columns(Connection c, String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                boolean generated = "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"));
                boolean identity = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                columns.put(name, new Column(name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), generated && !identity, identity));
            }
        }
        return columns;
    }

    /** Verbatim's tables (lower case) and the name the database's catalogue gives each. */
    private static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String table = name.toLowerCase(Locale.ROOT);
                if (!LEFT_OUT.contains(table)) {
                    tables.put(table, name);
                }
            }
        }
        return tables;
    }

    /** The tables, each after those its foreign keys point at (by name among equals, so every dump is in the same order). */
    private static Map<String, String> loadOrder(Connection c) throws SQLException {
        Map<String, String> tables = tables(c);
        Map<String, Set<String>> needs = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (Map.Entry<String, String> table : tables.entrySet()) {
            Set<String> referenced = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), table.getValue())) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!target.equals(table.getKey()) && tables.containsKey(target)) {
                        referenced.add(target);
                    }
                }
            }
            needs.put(table.getKey(), referenced);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        while (ordered.size() < tables.size()) {
            String next = needs.entrySet().stream().filter(e -> !ordered.containsKey(e.getKey()) && ordered.keySet().containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the tables' foreign keys form a cycle: " + needs));
            ordered.put(next, tables.get(next));
        }
        return ordered;
    }

    private static String primaryKey(Connection c, String table) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, c.getSchema(), table)) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", columns.values());
    }

    private static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
