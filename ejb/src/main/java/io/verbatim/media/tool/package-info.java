/**
 * The command line: {@code ear/bin/pcap2wav} converts a capture without the server, through the engine's root like
 * any other caller.
 */
package io.verbatim.media.tool;
