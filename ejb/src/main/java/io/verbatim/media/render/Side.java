package io.verbatim.media.render;

/** Which party of the call a stream carries; a stereo recording puts REMOTE left and LOCAL right. */
public enum Side {
    LOCAL, REMOTE
}
