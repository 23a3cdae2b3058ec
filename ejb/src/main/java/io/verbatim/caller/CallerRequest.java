package io.verbatim.caller;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the web tier learns about the current request as it arrives, for every capability to read: where it came from
 * (the client's address, for the action log's "from where" and the sign-in throttle) and whom an administrator is
 * looking at the recordings as (view as: read-only). Work without a request (jobs, timers) is the server's own.
 */
@RequestScoped
public class CallerRequest {

    /** The origin of work done without a request. */
    public static final String SERVER = "server";

    private String address;
    private String viewingAs;

    /** The client's address, or {@link #SERVER} for work without a request. */
    public String address() {
        return address == null ? SERVER : address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** Whom the signed-in administrator is viewing the recordings as, or null. */
    public String viewingAs() {
        return viewingAs;
    }

    public void setViewingAs(String username) {
        this.viewingAs = username;
    }
}
