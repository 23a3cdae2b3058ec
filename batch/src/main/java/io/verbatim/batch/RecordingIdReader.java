package io.verbatim.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads recording ids in ascending order, a page at a time. The checkpoint is the last id handed out: after a
 * restart reading goes on above it, so a committed chunk is never done twice and the rest is not missed (what an
 * interrupted chunk had read is read again; its work was rolled back).
 */
public abstract class RecordingIdReader extends AbstractItemReader {

    private static final int PAGE = 200;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    /** Up to {@code limit} ids above {@code afterId}, ascending. */
    protected abstract List<Long> idsAfter(long afterId, int limit);

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(idsAfter(lastId, PAGE));
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
