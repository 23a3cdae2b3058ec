package io.verbatim.cluster;

import io.verbatim.storage.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node: its name ({@code jboss.node.name}) and, as a lease's holder, the name with the host and the data folder,
 * so that the same node started again takes its leases back at once while another process that was given the same
 * name is told apart.
 */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "verbatim")
    String name;

    @Inject
    DataDirectory data;

    private String holder;

    @PostConstruct
    void describe() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "an unnamed host";
        }
        holder = name + " on " + host + " (data " + data.root() + ")";
    }

    public String name() {
        return name;
    }

    /** What this node writes into the leases it holds. */
    public String holder() {
        return holder;
    }
}
