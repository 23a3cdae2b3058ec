package io.verbatim.media.render;

/** The call's streams come at sample rates that cannot be brought to one (one does not divide the other). */
public class MixedRatesException extends RuntimeException {
    public MixedRatesException(String message) {
        super(message);
    }
}
