package io.verbatim.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearlySortedQueueTest {

    @Test
    void everyPollGivesTheSmallestItemHeldAsAHeapWould() {
        Random random = new Random(7);
        NearlySortedQueue<Integer> queue = new NearlySortedQueue<>(Comparator.naturalOrder());
        PriorityQueue<Integer> heap = new PriorityQueue<>();
        for (int i = 0; i < 10_000; i++) {
            int item = random.nextInt(10) == 0 ? i - random.nextInt(50) : i; // one in ten out of order
            queue.add(item);
            heap.add(item);
            if (random.nextInt(3) == 0) { // polling between adds, as the placer and the mixer do
                assertThat(queue.peek()).isEqualTo(heap.peek());
                assertThat(queue.poll()).isEqualTo(heap.poll());
            }
        }
        while (!heap.isEmpty()) {
            assertThat(queue.poll()).isEqualTo(heap.poll());
        }
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void allInOrderAfterTheLastPoll() {
        NearlySortedQueue<Integer> queue = new NearlySortedQueue<>(Comparator.naturalOrder());
        for (int item : new int[]{5, 1, 7, 3, 9, 2}) {
            queue.add(item);
        }
        List<Integer> polled = new ArrayList<>();
        while (queue.peek() != null) {
            polled.add(queue.poll());
        }
        assertThat(polled).containsExactly(1, 2, 3, 5, 7, 9);
    }
}
