package io.verbatim.web.ui;

import io.verbatim.tenancy.TenantProfile;
import io.verbatim.tenancy.Tenants;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Tenants page (the operator): every PBX, registered or only seen in uploads and users, with its users and
 * recordings; registering a new one, changing a registered one's SIP domain.
 */
@Named
@ViewScoped
public class TenantAdministration extends EntryAdministration {

    @Inject
    Tenants tenants;

    private String name;
    private String domain;
    private boolean editing;
    private List<TenantProfile> list;

    public List<TenantProfile> getTenants() {
        if (list == null) {
            List<TenantProfile> found = new ArrayList<>();
            list = caller.isOperator() && Pages.attempt(() -> found.addAll(tenants.list())) ? found : List.of();
        }
        return list;
    }

    public void save() {
        list = null;
        String saved = name == null ? "" : name.trim();
        if (Pages.attempt(() -> {
            if (editing) {
                tenants.save(saved, domain);
            } else {
                tenants.register(saved, domain);
            }
        }, "tenants", Map.of())) {
            Pages.say((editing ? "Saved PBX " : "Registered PBX ") + saved + ".");
            clear();
        }
    }

    /** Fills the form with a PBX: a registered one to change its domain, one only seen to register it. */
    public void edit(TenantProfile t) {
        name = t.name();
        domain = t.domain();
        editing = t.registered();
    }

    public void clear() {
        name = domain = null;
        editing = false;
    }

    public boolean isEditing() { return editing; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
}
