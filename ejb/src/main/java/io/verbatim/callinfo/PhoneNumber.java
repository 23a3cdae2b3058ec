package io.verbatim.callinfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Numbers the way people type them: "+49 89 123456", "089/123456" and "004989123456" are one number. Stored numbers are
 * also kept as their digits; a typed number matches when one of its {@link #searchForms} appears in those digits.
 */
public final class PhoneNumber {

    /** Shorter than this, a typed number that dropped its country code would match too much. */
    private static final int SHORTEST_NATIONAL = 6;

    private PhoneNumber() {
    }

    /** The digits of a number, null when it has none. */
    public static String digits(String number) {
        if (number == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        number.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.isEmpty() ? null : digits.toString();
    }

    /** Whether a search text is a number (digits with the signs people write between them), not a name. */
    public static boolean looksLikeNumber(String text) {
        return text != null && text.strip().matches("\\+?[0-9][0-9 ()/.\\-]*") && digits(text).length() >= 2;
    }

    /**
     * What to look for in stored digits: the typed digits without leading zeros (a trunk's 0, an international 00),
     * and, for a number typed with its country code, the national rest (one to three digits dropped), as a PBX may
     * store "089123456" for "+49 89 123456".
     */
    public static List<String> searchForms(String typed) {
        String text = typed.strip();
        String digits = digits(text);
        if (digits == null) {
            return List.of();
        }
        String significant = digits.replaceFirst("^0+", "");
        Set<String> forms = new LinkedHashSet<>();
        forms.add(significant.isEmpty() ? digits : significant);
        boolean international = text.startsWith("+") || digits.startsWith("00");
        for (int countryCode = 1; international && countryCode <= 3; countryCode++) {
            String national = significant.substring(Math.min(countryCode, significant.length()));
            if (national.length() >= SHORTEST_NATIONAL && national.charAt(0) != '0') { // no national number starts with 0 after it
                forms.add(national);
            }
        }
        return new ArrayList<>(forms);
    }
}
