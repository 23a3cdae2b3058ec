package io.verbatim.caller;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/**
 * Who is calling, for every capability to read: their name, their tenant (the PBX they belong to; none for the
 * operator), their roles, where the request came from, and whom an administrator is viewing the recordings as.
 * The web tier fills it once per request, as it authenticates the request; work without a request (jobs, timers)
 * has no caller and is the server's own.
 */
@RequestScoped
public class Caller {

    /** The origin of work done without a request. */
    public static final String SERVER = "server";
    /** The role of whoever administers; with no tenant, the operator. */
    static final String ADMIN = "ADMIN";

    private String name;
    private String tenant;
    private Set<String> roles = Set.of();
    private String address;
    private String viewingAs;

    /** Set by the web tier once the request proved who it is from. */
    public void signedIn(String name, String tenant, Set<String> roles) {
        this.name = name;
        this.tenant = tenant;
        this.roles = Set.copyOf(roles);
    }

    /** Set by the web tier as a request arrives, before anyone is signed in (sign-in failures say where from too). */
    public void from(String address) {
        this.address = address;
    }

    /** Set by the web tier from the session of an administrator who views the recordings as one of their users. */
    public void viewAs(String username) {
        this.viewingAs = username;
    }

    public boolean isSignedIn() {
        return name != null;
    }

    /** The signed-in caller's name; refused when nobody is signed in. */
    public String name() {
        if (name == null) {
            throw new EJBAccessException("not authenticated");
        }
        return name;
    }

    /** The PBX the caller belongs to; {@code null} for the operator (and when nobody is signed in). */
    public String tenant() {
        return tenant;
    }

    /**
     * The PBX of the signed-in caller; refused when nobody is signed in, whose {@code null} would read as the
     * operator's (every PBX). For what filters by tenant.
     */
    public String signedInTenant() {
        name();
        return tenant;
    }

    public boolean inRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller is the operator: an administrator in no PBX, whose the deployment-wide things are. */
    public boolean isOperator() {
        return inRole(ADMIN) && tenant == null;
    }

    /** Whom the caller, an administrator, is viewing the recordings as (read-only), or {@code null}. */
    public String viewingAs() {
        return inRole(ADMIN) ? viewingAs : null;
    }

    /** The client's address, or {@link #SERVER} for work without a request. */
    public String address() {
        return address == null ? SERVER : address;
    }

    /** Where an action came from, for the action log: the address, and whom the administrator views as, if so. */
    public String origin() {
        return viewingAs() == null ? address() : address() + " as " + viewingAs();
    }
}
