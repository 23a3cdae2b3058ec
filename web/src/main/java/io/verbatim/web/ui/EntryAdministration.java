package io.verbatim.web.ui;

import io.verbatim.caller.Caller;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Set;

/** What the Groups, App objects and Tenants pages share: who is at work, and showing name lists. */
abstract class EntryAdministration implements Serializable {

    @Inject
    Caller caller;

    public String joined(Set<String> names) {
        return String.join(", ", names);
    }
}
