package io.verbatim.media.rtp;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A priority queue for items that nearly always arrive in order (packets of a stream, frames on a timeline): those
 * arriving in order go to a plain deque at constant cost, and only the few out of order pay for a heap.
 */
final class NearlySortedQueue<T> {

    private final Comparator<? super T> order;
    private final ArrayDeque<T> inOrder = new ArrayDeque<>();
    private final PriorityQueue<T> outOfOrder;

    NearlySortedQueue(Comparator<? super T> order) {
        this.order = order;
        this.outOfOrder = new PriorityQueue<>(order);
    }

    void add(T item) {
        if (inOrder.isEmpty() || order.compare(item, inOrder.peekLast()) >= 0) {
            inOrder.addLast(item);
        } else {
            outOfOrder.add(item);
        }
    }

    /** The first item in order, or {@code null} when empty. */
    T peek() {
        T a = inOrder.peekFirst();
        T b = outOfOrder.peek();
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return order.compare(b, a) < 0 ? b : a;
    }

    T poll() {
        T first = peek();
        if (first != null) {
            if (first == inOrder.peekFirst()) {
                inOrder.pollFirst();
            } else {
                outOfOrder.poll();
            }
        }
        return first;
    }

    boolean isEmpty() {
        return inOrder.isEmpty() && outOfOrder.isEmpty();
    }
}
