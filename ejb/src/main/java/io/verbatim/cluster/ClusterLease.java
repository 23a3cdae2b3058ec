package io.verbatim.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who may do a piece of cluster-wide work, until when (a row of the shared database). */
@Entity
@Table(name = "cluster_lease")
public class ClusterLease {

    @Id
    private String name;

    @Column(nullable = false)
    private String holder;

    @Column(name = "held_until", nullable = false)
    private Instant heldUntil;

    protected ClusterLease() {
    }

    ClusterLease(String name, String holder, Instant heldUntil) {
        this.name = name;
        this.holder = holder;
        this.heldUntil = heldUntil;
    }

    public String getName() {
        return name;
    }

    public String getHolder() {
        return holder;
    }

    public Instant getHeldUntil() {
        return heldUntil;
    }
}
