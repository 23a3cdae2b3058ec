package io.verbatim.batch.seal;

import io.verbatim.cluster.NodeIdentity;
import io.verbatim.jobs.JobName;
import io.verbatim.settings.SealingEnabled;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Properties;

/** Starts the seal job once sealing has been switched on (and that change committed). */
@Stateless
public class SealJobStarter {

    @Inject
    NodeIdentity node;

    public void onEnabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) SealingEnabled enabled) {
        Properties parameters = new Properties();
        parameters.setProperty("pbx", enabled.pbx() == null ? "" : enabled.pbx());
        JobName.SEAL.start(parameters, node.name());
    }
}
