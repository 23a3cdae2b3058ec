package io.verbatim.batch.export;

import io.verbatim.audit.ActionLogExports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/** Deletes the files of the exports finished before the run's cutoff, each in a transaction of its own. */
@Dependent
@Named("exportExpiryBatchlet")
public class ExportExpiryBatchlet extends AbstractBatchlet {

    @Inject
    ActionLogExports exports;

    @Inject
    @BatchProperty
    String cutoff;

    @Inject
    @BatchProperty
    String keepDays;

    @Override
    public String process() throws Exception {
        int days = Integer.parseInt(keepDays);
        for (long id : exports.finishedBefore(Instant.parse(cutoff))) {
            exports.expire(id, days);
        }
        return "COMPLETED";
    }
}
