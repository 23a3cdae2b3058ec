package io.verbatim.storage;

import java.util.regex.Pattern;

/** A stored blob's key, {@code sha256:<hex>}, and where either store keeps it: {@code ab/cd/<hex>}. */
final class ContentKey {

    private static final Pattern KEY = Pattern.compile("sha256:[0-9a-f]{64}");

    private ContentKey() {
    }

    static String of(String sha256Hex) {
        return "sha256:" + sha256Hex;
    }

    /** The relative place of a blob: two levels of folders, so no folder holds more than a few thousand. */
    static String place(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        String hex = key.substring(7);
        return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
    }
}
