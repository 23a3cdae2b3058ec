package io.verbatim.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the newest entry's position and hash. Each append locks this one row, so entries get
 * gap-free positions in commit order on any number of nodes, and removing the newest entries is detectable.
 */
@Entity
@Table(name = "action_log_head")
class ActionLogHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected ActionLogHead() {
    }

    long getLastPosition() { return lastPosition; }
    String getLastHash() { return lastHash; }

    void advance(ActionLogEntry entry) {
        lastPosition = entry.getPosition();
        lastHash = entry.getEntryHash();
    }
}
