package io.verbatim.media.capture;

/** One side of a UDP flow: an IP address (textual) and a port. */
public record Endpoint(String address, int port) {
    // Written out: flows are looked up once per packet (see RtpStream.Key)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Endpoint e && port == e.port && address.equals(e.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + port;
    }

    @Override
    public String toString() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
