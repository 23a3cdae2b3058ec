package io.verbatim.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A recorder licence given to a user or to a group's members, and since when: licences are held first come, first
 * served, so giving one again does not move a holder to the back.
 */
@Embeddable
public class LicenceAssignment {

    @Column(name = "licensed", nullable = false)
    private boolean given;

    @Column(name = "licensed_since")
    private Instant since;

    public boolean isGiven() { return given; }
    public Instant getSince() { return since; }

    void give(boolean given) {
        if (given && !this.given) {
            since = Instant.now();
        }
        this.given = given;
    }
}
