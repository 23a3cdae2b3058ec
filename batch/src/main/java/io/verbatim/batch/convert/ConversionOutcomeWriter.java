package io.verbatim.batch.convert;

import io.verbatim.conversion.ConversionOutcome;
import io.verbatim.conversion.ConversionService;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Records each outcome on its recording, in the chunk's transaction. */
@Dependent
@Named("conversionOutcomeWriter")
public class ConversionOutcomeWriter extends AbstractItemWriter {

    @Inject
    ConversionService conversions;

    @Override
    public void writeItems(List<Object> outcomes) {
        for (Object outcome : outcomes) {
            conversions.complete((ConversionOutcome) outcome);
        }
    }
}
