package io.verbatim.directory;

import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Creates users from a CSV file, each line on its own: a bad line is reported with its reason and the good ones are
 * kept. The header names the columns: {@code username}, {@code password} and {@code role} are required;
 * {@code displayName}, {@code numbers} (separated by {@code ;} or spaces), {@code email}, {@code timezone},
 * {@code licensed}, {@code active} and (for the operator) {@code pbx} are optional.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class UserImport {

    static final int MAX_LINES = 100_000;
    static final Set<String> REQUIRED = Set.of("username", "password", "role");
    static final Set<String> KNOWN = Set.of("username", "password", "role", "displayName", "numbers", "email", "timezone",
            "licensed", "active", "pbx");

    @Inject
    Directory directory;

    /** What an import did: users created, and each refused line with its number (the header is line 1) and reason. */
    public record Report(int created, List<Refused> refused) {
    }

    public record Refused(long line, String username, String reason) {
    }

    /** Each line in a transaction of its own (through {@link Directory#createUser}), so one bad line spoils nothing else. */
    @RolesAllowed("ADMIN")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Report importCsv(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        int created = 0;
        List<Refused> refused = new ArrayList<>();
        try (CSVParser parser = format.parse(csv)) {
            Map<String, Integer> header = parser.getHeaderMap();
            Set<String> unknown = new LinkedHashSet<>(header.keySet());
            unknown.removeAll(KNOWN);
            if (!unknown.isEmpty() || !header.keySet().containsAll(REQUIRED)) {
                throw new InvalidEntryException("the CSV header must name username, password and role, and may name "
                        + "displayName, numbers, email, timezone, licensed, active, pbx" + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
            }
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_LINES) {
                    throw new InvalidEntryException("at most " + MAX_LINES + " users per import");
                }
                long line = record.getRecordNumber() + 1;
                String username = value(record, "username");
                try {
                    directory.createUser(change(record));
                    created++;
                } catch (Refusal | IllegalArgumentException | EJBAccessException e) {
                    refused.add(new Refused(line, username, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new InvalidEntryException("not a readable CSV file: " + e.getMessage());
        }
        return new Report(created, refused);
    }

    private static UserChange change(CSVRecord r) {
        String role = value(r, "role");
        Role parsed;
        try {
            parsed = role == null ? null : Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException("role must be ADMIN, SUPERVISOR, USER or COMPLIANCE, not " + role);
        }
        String numbers = value(r, "numbers");
        return new UserChange(value(r, "username"), value(r, "password"), value(r, "pbx"), value(r, "displayName"), parsed,
                numbers == null ? null : new LinkedHashSet<>(List.of(numbers.split("[;\\s]+"))),
                value(r, "email"), value(r, "timezone"), flag(r, "licensed"), flag(r, "active"));
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v.isEmpty() ? null : v;
    }

    private static Boolean flag(CSVRecord r, String column) {
        String v = value(r, column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidEntryException(column + " must be true or false, not " + v);
        };
    }
}
