package io.verbatim.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an innovaphone capture's file name says about the call: {@code <guid>-<mac>-<serial>[-<reg-name>]}
 * (also seen as {@code …-11--username}). Names that do not follow it still describe a recording, with the
 * fields left unknown.
 */
public record CaptureName(String callId, String device, String serial, String owner) {

    private static final Pattern INNOVAPHONE = Pattern.compile(
            "^([0-9a-fA-F]{32})-([0-9a-fA-F]{12})-(\\d{1,9})(?:--?(.*))?$");
    private static final int MAX_LENGTH = 255;

    public static final CaptureName UNKNOWN = new CaptureName(null, null, null, null);

    /** @throws IllegalArgumentException when the name cannot be a file name at all (the message says why) */
    public static CaptureName parse(String fileName) {
        checkUsable(fileName);
        String base = fileName.toLowerCase(Locale.ROOT).endsWith(".pcap")
                ? fileName.substring(0, fileName.length() - 5) : fileName;
        Matcher m = INNOVAPHONE.matcher(base);
        if (!m.matches()) {
            return UNKNOWN;
        }
        String owner = m.group(4);
        if (owner != null && owner.isBlank()) {
            owner = null;
        }
        return new CaptureName(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT), m.group(3), owner);
    }

    /** Rejects names that would be dangerous or meaningless anywhere they are shown or used. */
    public static void checkUsable(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("file name is empty");
        }
        if (fileName.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("file name is longer than " + MAX_LENGTH + " characters");
        }
        if (fileName.equals(".") || fileName.equals("..") || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("file name must not be a path: " + fileName);
        }
        for (int i = 0; i < fileName.length(); i++) {
            if (Character.isISOControl(fileName.charAt(i))) {
                throw new IllegalArgumentException("file name contains a control character");
            }
        }
    }
}
