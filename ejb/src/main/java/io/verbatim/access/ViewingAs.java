package io.verbatim.access;

import jakarta.enterprise.context.RequestScoped;

/**
 * For this request, whom an administrator is looking at the recordings as (impersonation, read-only); set by the web
 * tier from the administrator's session, read by {@link AccessPolicy}.
 */
@RequestScoped
public class ViewingAs {

    private String username;

    public String username() {
        return username;
    }

    public void set(String username) {
        this.username = username;
    }
}
