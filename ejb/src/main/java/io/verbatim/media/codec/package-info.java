/**
 * Stage 3, the codecs' common interface: {@link Codec} turns one payload into 16-bit PCM and, where the codec has
 * them, conceals losses and fills the sender's pauses. One sub-package per codec ({@code g711}, {@code g722},
 * {@code g729}, {@code opus}); this package knows none of them, and they know each other not.
 */
package io.verbatim.media.codec;
