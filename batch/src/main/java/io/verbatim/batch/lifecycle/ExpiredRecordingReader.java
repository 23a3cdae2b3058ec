package io.verbatim.batch.lifecycle;

import io.verbatim.lifecycle.Expiry;
import io.verbatim.lifecycle.RecordingExpiry;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the ids of recordings a lifecycle policy deletes, ascending, a page at a time. Its checkpoint is the last
 * id handed out: after a restart it goes on above it, so a committed chunk is never done twice and the rest is not
 * missed (what an interrupted chunk had read is read again; its deletions were rolled back).
 */
@Dependent
@Named("expiredRecordingReader")
public class ExpiredRecordingReader extends AbstractItemReader {

    private static final int PAGE = 200;

    @Inject
    RecordingExpiry expiry;

    @Inject
    @BatchProperty
    String policy;

    @Inject
    @BatchProperty
    String cutoff;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(expiry.candidates(Expiry.valueOf(policy), Instant.parse(cutoff), lastId, PAGE));
            exhausted = page.size() < PAGE;
        }
        Long next = page.poll();
        if (next != null) {
            lastId = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
