package io.verbatim.settings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One setting, declared once by the capability it belongs to ({@link SettingDeclarations}): the name it is stored
 * under, the name the API and the page give it, whose it is, what it means, how its stored text reads, its default,
 * how a new value is tidied and checked (the refusal names the setting), and whether it is a secret (stored, never
 * shown; the view only says whether one is set). The API's fields for settings are made from these declarations.
 *
 * @param <T> the value as a change carries it and a reader gets it: {@code Long}, {@code Boolean} or {@code String}
 */
public final class SettingKey<T> {

    /** Whose a setting is: a PBX's own over the operator's default, or the deployment's, set by the operator alone. */
    public enum Scope { PBX, DEPLOYMENT }

    private final String stored;
    private final String field;
    private final Scope scope;
    private final Class<T> type;
    private final Function<String, T> read;
    private final T fallback;
    private final UnaryOperator<T> tidy;
    private final Function<T, String> problem;
    private final boolean secret;
    private final String description;

    private SettingKey(String stored, String field, Scope scope, Class<T> type, Function<String, T> read, T fallback,
                       UnaryOperator<T> tidy, Function<T, String> problem, boolean secret, String description) {
        this.stored = stored;
        this.field = field;
        this.scope = scope;
        this.type = type;
        this.read = read;
        this.fallback = fallback;
        this.tidy = tidy;
        this.problem = problem;
        this.secret = secret;
        this.description = description;
    }

    /** A whole number from {@code min} to {@code max}; {@code refusal} says the range when a value is outside it. */
    public static SettingKey<Long> number(String stored, String field, Scope scope, long fallback, long min, long max, String refusal) {
        // stored empty: the default (licences not enforced)
        return new SettingKey<>(stored, field, scope, Long.class, text -> text.isEmpty() ? fallback : Long.parseLong(text), fallback,
                UnaryOperator.identity(), n -> n < min || n > max ? refusal : null, false, "");
    }

    public static SettingKey<Boolean> flag(String stored, String field, Scope scope, boolean fallback) {
        return new SettingKey<>(stored, field, scope, Boolean.class, Boolean::parseBoolean, fallback, UnaryOperator.identity(),
                b -> null, false, "");
    }

    /** Text, stripped of surrounding blanks; {@code problem} says what is wrong with a value, or null. */
    public static SettingKey<String> text(String stored, String field, Scope scope, String fallback, Function<String, String> problem) {
        return new SettingKey<>(stored, field, scope, String.class, Function.identity(), fallback, String::strip, problem, false, "");
    }

    /** Text made into its one accepted form by {@code canonical}, which refuses (IllegalArgumentException) what it cannot read. */
    public static SettingKey<String> canonical(String stored, String field, Scope scope, String fallback, UnaryOperator<String> canonical,
                                              String accepted) {
        return new SettingKey<>(stored, field, scope, String.class, Function.identity(), fallback, text -> {
            try {
                return canonical.apply(text.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(field + ": " + e.getMessage() + " (" + accepted + ")");
            }
        }, value -> null, false, "");
    }

    /** A secret (a password's hash, an encrypted password), stored as it is given. */
    static SettingKey<String> secret(String stored, String field, Scope scope) {
        return new SettingKey<>(stored, field, scope, String.class, Function.identity(), null, UnaryOperator.identity(), value -> null,
                true, "");
    }

    /** Every setting, the settings capability's own and those the other capabilities declare. */
    public static List<SettingKey<?>> everyDeclared() {
        return SettingKeys.all();
    }

    /** The same setting, saying what it means and what it takes (the API's description of its field). */
    public SettingKey<T> described(String meaning) {
        return new SettingKey<>(stored, field, scope, type, read, fallback, tidy, problem, secret, meaning);
    }

    /** The value stored, else the default. */
    T read(Optional<String> storedText) {
        return storedText.map(read).orElse(fallback);
    }

    /**
     * A new value, tidied, as it is stored.
     *
     * @throws InvalidSettingException naming the setting when the value is not one it takes
     */
    String store(T given) {
        T value = tidy.apply(given);
        String refused = problem.apply(value);
        if (refused != null) {
            throw new InvalidSettingException(refused);
        }
        return String.valueOf(value);
    }

    /**
     * A value as a change carries it (a JSON number, true or false, or text), as this setting's type.
     *
     * @throws InvalidSettingException naming the setting when it is of another kind
     */
    T given(Object value) {
        if (type == Long.class && value instanceof Number number) {
            try {
                return type.cast(new BigDecimal(number.toString()).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidSettingException(field + " must be a whole number: " + number + " is not one of those it takes");
            }
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new InvalidSettingException(field + " must be " + (type == Long.class ? "a whole number"
                : type == Boolean.class ? "true or false" : "text") + ", not " + value);
    }

    String stored() { return stored; }
    /** Its name in the API, the action log and the page's refusals. */
    public String field() { return field; }
    public Scope scope() { return scope; }
    /** {@code Long}, {@code Boolean} or {@code String}. */
    public Class<T> type() { return type; }
    public String description() { return description; }
    /** Stored, never shown: the view says whether one is set ({@code <field>Set}). */
    public boolean secret() { return secret; }
    boolean isPbxs() { return scope == Scope.PBX; }
}
