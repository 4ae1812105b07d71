package nl.fotadesk.backend.rehearsal;

import java.util.Arrays;

/** A min-heap of longs: the simulation's event queue without an object per event. */
final class LongHeap {
    private long[] items = new long[64];
    private int size;

    void add(long item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (items[parent] <= item) {
                break;
            }
            items[i] = items[parent];
            i = parent;
        }
        items[i] = item;
    }

    long peek() {
        return items[0];
    }

    long poll() {
        long top = items[0];
        long last = items[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && items[child + 1] < items[child]) {
                child++;
            }
            if (items[child] >= last) {
                break;
            }
            items[i] = items[child];
            i = child;
        }
        items[i] = last;
        return top;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
