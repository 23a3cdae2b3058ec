package io.verbatim.media;

/** The capture holds RTP audio, but in a codec this engine does not decode. */
public class UnsupportedCodecException extends RuntimeException {
    public UnsupportedCodecException(String codecName) {
        super("unsupported codec " + codecName);
    }
}
