package io.verbatim.batch.seal;

import io.verbatim.seal.Seals;
import io.verbatim.settings.Settings;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Seals each recording read, in the chunk's transaction. */
@Dependent
@Named("recordingSealWriter")
public class RecordingSealWriter extends AbstractItemWriter {

    @Inject
    Seals seals;

    @Inject
    Settings settings;

    @Override
    public void writeItems(List<Object> ids) {
        for (Object id : ids) {
            seals.seal((Long) id, settings::sealEnabled); // the operator's switch seals only PBXs without their own "off"
        }
    }
}
