package io.verbatim.settings;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One setting, declared once ({@link SettingKeys}): the name it is stored under, the name the API and the page give
 * it, whose it is, how its stored text reads, its default, how a new value is tidied and checked (the refusal names the
 * setting), and whether it is a secret (stored, never shown; the view only says whether one is set).
 *
 * @param <T> the value as a change carries it and a reader gets it: {@code Long}, {@code Boolean} or {@code String}
 */
final class SettingKey<T> {

    /** Whose a setting is: a PBX's own over the operator's default, or the deployment's, set by the operator alone. */
    enum Scope { PBX, DEPLOYMENT }

    private final String stored;
    private final String field;
    private final Scope scope;
    private final Function<String, T> read;
    private final T fallback;
    private final UnaryOperator<T> tidy;
    private final Function<T, String> problem;
    private final boolean secret;

    private SettingKey(String stored, String field, Scope scope, Function<String, T> read, T fallback,
                       UnaryOperator<T> tidy, Function<T, String> problem, boolean secret) {
        this.stored = stored;
        this.field = field;
        this.scope = scope;
        this.read = read;
        this.fallback = fallback;
        this.tidy = tidy;
        this.problem = problem;
        this.secret = secret;
    }

    /** A whole number from {@code min} to {@code max}; {@code refusal} says the range when a value is outside it. */
    static SettingKey<Long> number(String stored, String field, Scope scope, long fallback, long min, long max, String refusal) {
        // stored empty: the default (licences not enforced)
        return new SettingKey<>(stored, field, scope, text -> text.isEmpty() ? fallback : Long.parseLong(text), fallback, UnaryOperator.identity(),
                n -> n < min || n > max ? refusal : null, false);
    }

    static SettingKey<Boolean> flag(String stored, String field, Scope scope, boolean fallback) {
        return new SettingKey<>(stored, field, scope, Boolean::parseBoolean, fallback, UnaryOperator.identity(), b -> null, false);
    }

    /** Text, stripped of surrounding blanks; {@code problem} says what is wrong with a value, or null. */
    static SettingKey<String> text(String stored, String field, Scope scope, String fallback, Function<String, String> problem) {
        return new SettingKey<>(stored, field, scope, Function.identity(), fallback, String::strip, problem, false);
    }

    /** Text made into its one accepted form by {@code canonical}, which refuses (IllegalArgumentException) what it cannot read. */
    static SettingKey<String> canonical(String stored, String field, Scope scope, String fallback, UnaryOperator<String> canonical,
                                       String accepted) {
        return new SettingKey<>(stored, field, scope, Function.identity(), fallback, text -> {
            try {
                return canonical.apply(text.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(field + ": " + e.getMessage() + " (" + accepted + ")");
            }
        }, value -> null, false);
    }

    /** A secret (a password's hash, an encrypted password), stored as it is given. */
    static SettingKey<String> secret(String stored, String field, Scope scope) {
        return new SettingKey<>(stored, field, scope, Function.identity(), null, UnaryOperator.identity(), value -> null, true);
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

    String stored() { return stored; }
    String field() { return field; }
    Scope scope() { return scope; }
    boolean secret() { return secret; }
    boolean isPbxs() { return scope == Scope.PBX; }
}
