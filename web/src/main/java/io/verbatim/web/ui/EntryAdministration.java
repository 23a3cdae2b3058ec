package io.verbatim.web.ui;

import io.verbatim.caller.Caller;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Set;

/** What the Groups and App objects pages share: whether the operator is at work (who chooses the PBX), and showing name lists. */
abstract class EntryAdministration implements Serializable {

    @Inject
    Caller caller;

    public boolean isOperator() {
        return caller.tenant() == null;
    }

    public String joined(Set<String> names) {
        return String.join(", ", names);
    }
}
