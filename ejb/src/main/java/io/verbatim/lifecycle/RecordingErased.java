package io.verbatim.lifecycle;

import java.util.List;

/** A recording's row is gone (once the transaction commits); its blobs go too unless other rows still name them. */
public record RecordingErased(long recordingId, List<String> blobKeys) {
}
