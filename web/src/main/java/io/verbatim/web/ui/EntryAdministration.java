package io.verbatim.web.ui;

import io.verbatim.directory.Directory;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Set;

/** What the Groups and App objects pages share: whether the operator is at work (who chooses the PBX), and showing name lists. */
abstract class EntryAdministration implements Serializable {

    @Inject
    transient Directory directory;

    public boolean isOperator() {
        return directory.callerTenant() == null;
    }

    public String joined(Set<String> names) {
        return String.join(", ", names);
    }
}
