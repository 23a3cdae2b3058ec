package io.verbatim.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Numbers all entries, across chains: each append locks this one row, so entries get their order in commit order on
 * any number of nodes, and the chains' ends ({@link ActionLogChainEnd}) are only ever advanced under it.
 */
@Entity
@Table(name = "action_log_head")
class ActionLogHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    protected ActionLogHead() {
    }

    long getLastPosition() { return lastPosition; }

    void advance(ActionLogEntry entry) {
        lastPosition = entry.getSequenceNumber();
    }
}
