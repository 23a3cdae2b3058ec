/**
 * G.729, G.729A and G.729B (ITU-T, RTP payload type 18): the Recommendation's decoder built from blocks of Restcomm's
 * pure-Java port with our own versions where the time goes (synthesis filter, post-filter), loss concealment and
 * comfort noise (the random generator and LPC synthesis they share).
 */
package io.verbatim.media.codec.g729;
