package io.verbatim.batch.convert;

import io.verbatim.conversion.ConversionService;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Reads by claiming: each item is a recording this partition now owns; none left ends the partition. */
@Dependent
@Named("waitingRecordingReader")
public class WaitingRecordingReader extends AbstractItemReader {

    @Inject
    ConversionService conversions;

    @Override
    public Object readItem() {
        return conversions.claimNext(ConversionScheduler.node()).orElse(null);
    }
}
