package io.verbatim.audit;

/**
 * An entry was appended to the action log, told synchronously inside the transaction that appends it (and so kept or
 * undone with it): what others must do whenever such a change happens (a webhook's outbox row) is written with it.
 */
public record ActionLogged(Action action, Outcome outcome, String pbx, Long recordingId, String detail) {
}
