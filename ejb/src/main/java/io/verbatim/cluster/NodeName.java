package io.verbatim.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each node's name is its own in the cluster: the node holds a lease named for it while it runs, renewed well before
 * it runs out, and a node started with a name another live node holds refuses to start (its uploads'
 * staging, intake receipts and conversion claims are kept by node name, so two nodes of one name would take each
 * other's for their own). The same node started again after a crash is the same holder and goes on at once.
 */
@Singleton(name = "NodeName")
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ) // asked by every node's sweeps while it renews: nothing here needs a lock
public class NodeName {

    private static final Logger LOG = Logger.getLogger(NodeName.class.getName());

    @Inject
    NodeIdentity node;

    @Inject
    ClusterLeases leases;

    @Resource
    TimerService timers;

    /**
     * How long a node that stops answering keeps its name ({@code VERBATIM_NODE_LEASE_SECONDS}): after that its
     * conversions go back to the queue and another node may take its name. It renews at a quarter of that.
     */
    @Inject
    @ConfigProperty(name = "verbatim.node.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    /** Since when this node has been in touch with the database without a gap; {@code null} while it is not. */
    private volatile Instant inTouchSince;

    @PostConstruct
    void claim() {
        if (leaseSeconds < 8) {
            throw new IllegalArgumentException("VERBATIM_NODE_LEASE_SECONDS must be at least 8: " + leaseSeconds);
        }
        if (!leases.hold(lease(node.name()), heldFor())) {
            String other = leases.heldBy(lease(node.name())).map(ClusterLease::getHolder).orElse("another node");
            throw new IllegalStateException("The node name " + node.name() + " is in use by " + other
                    + ": give each node of a cluster its own name (-Djboss.node.name=...)");
        }
        inTouchSince = Instant.now();
        LOG.info("This node is " + node.holder());
        long renew = heldFor().toMillis() / 4;
        timers.createIntervalTimer(renew, renew, new TimerConfig(null, false));
    }

    @Timeout
    void renew() {
        try {
            if (leases.hold(lease(node.name()), heldFor())) {
                if (inTouchSince == null) {
                    inTouchSince = Instant.now();
                }
            } else {
                inTouchSince = null;
                LOG.severe("Another node took the name " + node.name() + " while this one was out of touch with the"
                        + " database: stop one of them, each node needs its own name");
            }
        } catch (RuntimeException databaseAway) { // the lease runs on; the node itself goes on
            inTouchSince = null;
            LOG.fine(() -> "The node's name could not be renewed: " + databaseAway);
        }
    }

    @PreDestroy
    void leave() {
        try {
            leases.release(lease(node.name()));
        } catch (RuntimeException databaseAway) {
            LOG.fine(() -> "The node's name was not given up: " + databaseAway);
        }
    }

    private Duration heldFor() {
        return Duration.ofSeconds(leaseSeconds);
    }

    /**
     * Whether the node of this name is gone, so that its conversions may be taken: its name ran out, and this node has
     * been in touch with the database for a whole lease itself. After an outage of the database every node's name
     * has run out, and each living node renews its own well within a lease of the database coming back.
     */
    public boolean gone(String name) {
        Instant since = inTouchSince;
        return since != null && since.isBefore(Instant.now().minus(heldFor())) && !running(name);
    }

    /** Whether a node of this name is running (holds its name). */
    public boolean running(String name) {
        return leases.heldBy(lease(name)).isPresent();
    }

    static String lease(String name) {
        return "node:" + name;
    }
}
