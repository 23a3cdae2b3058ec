package io.verbatim.batch.export;

import io.verbatim.audit.ActionLogExports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Deletes the files of the exports older than their PBX's keeping time at the run's start, each in a transaction of its own. */
@Dependent
@Named("exportExpiryBatchlet")
public class ExportExpiryBatchlet extends AbstractBatchlet {

    @Inject
    ActionLogExports exports;

    @Inject
    @BatchProperty
    String cutoff;

    /** Days kept by PBX ({@code *}: every PBX not named, and the operator's exports), fixed when the run started. */
    @Inject
    @BatchProperty
    String keepDays;

    /** The one PBX whose administrator started the run; empty: all. */
    @Inject
    @BatchProperty
    String pbx;

    @Override
    public String process() throws Exception {
        Map<String, Integer> days = new HashMap<>();
        if (!keepDays.contains("=")) { // a run started before PBXs had keeping times: one for all
            days.put("*", Integer.parseInt(keepDays.trim()));
        }
        for (String pair : keepDays.split(",")) {
            int equals = pair.lastIndexOf('=');
            if (equals > 0) {
                days.put(pair.substring(0, equals), Integer.parseInt(pair.substring(equals + 1)));
            }
        }
        for (Map.Entry<Long, Integer> expired : exports.expired(Instant.parse(cutoff), days, pbx == null || pbx.isEmpty() ? null : pbx).entrySet()) {
            exports.expire(expired.getKey(), expired.getValue());
        }
        return "COMPLETED";
    }
}
