package io.verbatim.conversion;

import io.verbatim.recording.Recording;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.Staging;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * A recording's original as a file the media engine reads: libpcap reads files by path, and a blob need not be one
 * (encrypted or remote stores), so the engine works on a staged copy that the caller deletes.
 */
@Dependent
class StagedOriginals {

    private static final Logger LOG = Logger.getLogger(StagedOriginals.class.getName());

    @Inject
    BlobStore blobs;

    @Inject
    Staging staging;

    Path copy(Recording r) throws IOException {
        Path capture = staging.newFile(".pcap");
        try (InputStream in = Channels.newInputStream(blobs.open(r.getOriginalKey()))) {
            Files.copy(in, capture, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            delete(capture);
            throw e;
        }
        return capture;
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning("Could not delete work file " + file + ": " + e);
            }
        }
    }
}
