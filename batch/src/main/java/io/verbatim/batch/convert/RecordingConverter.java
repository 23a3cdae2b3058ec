package io.verbatim.batch.convert;

import io.verbatim.conversion.ConversionService;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Converts one claimed recording; failures come back as outcomes, so one bad capture never stops the queue. */
@Dependent
@Named("recordingConverter")
public class RecordingConverter implements ItemProcessor {

    @Inject
    ConversionService conversions;

    @Override
    public Object processItem(Object recordingId) {
        return conversions.convert((Long) recordingId);
    }
}
