package io.verbatim.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of one chain (a PBX's, or the deployment's): its newest entry's position and hash, so that removing the
 * newest entries of a chain is detectable.
 */
@Entity
@Table(name = "action_log_chain")
class ActionLogChainEnd {

    @Id
    @Column(length = 100)
    private String chain;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected ActionLogChainEnd() {
    }

    /** A chain with no entry yet. */
    ActionLogChainEnd(String chain) {
        this.chain = chain;
        this.lastPosition = 0;
        this.lastHash = ChainVerifier.GENESIS;
    }

    String getChain() { return chain; }
    long getLastPosition() { return lastPosition; }
    String getLastHash() { return lastHash; }

    void advance(ActionLogEntry entry) {
        lastPosition = entry.getPosition();
        lastHash = entry.getEntryHash();
    }
}
