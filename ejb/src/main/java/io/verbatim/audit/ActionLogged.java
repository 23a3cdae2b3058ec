package io.verbatim.audit;

/**
 * An entry was appended to the action log, told synchronously inside the transaction that appends it (and so kept or
 * undone with it): what others must do whenever such a change happens (a webhook's outbox row) is written with it.
 */
public record ActionLogged(Action action, Outcome outcome, String pbx, Long recordingId, String detail) {

    /**
     * How a recording left, when this entry tells of a deletion ({@code recycle-bin}, {@code erased}, {@code purged},
     * {@code timeout}, {@code licence-grace}, {@code exported}: all but the first for good); {@code null} otherwise.
     */
    public String deletion() {
        return outcome != Outcome.SUCCESS || recordingId == null ? null : deletion(action, detail);
    }

    public static String deletion(Action action, String detail) {
        return switch (action) {
            case DELETE -> detail != null && detail.contains("recycle bin") ? "recycle-bin" : "erased";
            case PURGE -> "purged";
            case TIMEOUT -> "timeout";
            case LICENCE_GRACE -> "licence-grace";
            case ARCHIVE_HANDOVER -> "exported";
            default -> null;
        };
    }

    /** Whether this entry tells of a recording gone for good (its row and files erased). */
    public boolean erasure() {
        String how = deletion();
        return how != null && !how.equals("recycle-bin");
    }
}
