package io.verbatim.media;

/** One side of a UDP flow: an IP address (textual) and a port. */
public record Endpoint(String address, int port) {
    @Override
    public String toString() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
