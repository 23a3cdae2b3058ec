package io.verbatim.backup;

import java.time.Instant;

/**
 * One complete backup as an operator sees it: what kind, what it builds on, when and where it was made, how many
 * rows it holds, how many blobs its rows need, how many it holds itself (an incremental one: the new ones) and how
 * many were erased while it was written, and its size on disk.
 */
public record BackupSummary(String id, String kind, String base, Instant createdAt, String node, long rows, long blobsNeeded,
                            long blobsHere, long blobsMissing, long bytes) {

    static BackupSummary of(BackupManifest m) {
        return new BackupSummary(m.id(), m.kind(), m.base(), m.createdAt(), m.node(), m.rows(), m.blobsNeeded(), m.blobsHere(),
                m.blobsMissing().size(), m.bytes());
    }
}
