package io.verbatim.batch.export;

import io.verbatim.audit.ActionLogExports;
import io.verbatim.audit.ExportRequested;
import io.verbatim.cluster.NodeIdentity;
import io.verbatim.jobs.JobName;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Properties;

/** Starts an export's job once its request has committed (so the job finds it), and notes the run on it. */
@Stateless
public class ExportStarter {

    @Inject
    ActionLogExports exports;

    @Inject
    NodeIdentity node;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportRequested requested) {
        Properties parameters = new Properties();
        parameters.setProperty("exportId", Long.toString(requested.exportId()));
        if (requested.pbx() != null) { // the PBX's administrators see its run (JobRuns)
            parameters.setProperty("pbx", requested.pbx());
        }
        long execution = JobName.ACTION_LOG_EXPORT.start(parameters, node.name());
        exports.started(requested.exportId(), execution);
    }
}
