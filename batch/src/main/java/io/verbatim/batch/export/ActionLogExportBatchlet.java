package io.verbatim.batch.export;

import io.verbatim.report.ActionLogExportRun;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Makes the export its job was started for. */
@Dependent
@Named("actionLogExportBatchlet")
public class ActionLogExportBatchlet extends AbstractBatchlet {

    @Inject
    ActionLogExportRun run;

    @Inject
    @BatchProperty
    String exportId;

    @Override
    public String process() {
        run.run(Long.parseLong(exportId));
        return "COMPLETED";
    }
}
