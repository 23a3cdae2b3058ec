package io.verbatim.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request came from (the client's address), for the action log's "from where". The web tier
 * sets it as each request arrives; work without a request (jobs, timers) is from the server itself.
 */
@RequestScoped
public class RequestOrigin {

    static final String SERVER = "server";

    private String address;

    public void set(String address) {
        this.address = address;
    }

    /** The client's address, or {@code server} for work without a request. */
    public String address() {
        return address == null ? SERVER : address;
    }
}
