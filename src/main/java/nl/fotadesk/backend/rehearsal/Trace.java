package nl.fotadesk.backend.rehearsal;

import java.util.Arrays;

/**
 * How one run went over time: at each tick where it changed, the devices updated so far and the share of
 * the running phase's devices that failed or timed out (what the error threshold is checked against).
 * Read as a step function. Beyond {@link #MAX_POINTS} every other point is dropped, so a long run keeps
 * its shape in bounded memory (the forecast's timeline has far fewer points).
 */
final class Trace {
    static final int MAX_POINTS = 2048;

    private long[] at = new long[64];
    private int[] updated = new int[64];
    private float[] phaseFailedPercent = new float[64];
    private int size;

    /** Adds a point at {@code millis} (not before the last); a point at the same time replaces the last. */
    void add(long millis, int updatedSoFar, double failedPercent) {
        if (size > 0 && updated[size - 1] == updatedSoFar && phaseFailedPercent[size - 1] == (float) failedPercent) {
            return;
        }
        if (size > 0 && at[size - 1] == millis) {
            size--;
        } else if (size == at.length) {
            if (size >= MAX_POINTS) {
                thin();
            } else {
                at = Arrays.copyOf(at, size * 2);
                updated = Arrays.copyOf(updated, size * 2);
                phaseFailedPercent = Arrays.copyOf(phaseFailedPercent, size * 2);
            }
        }
        at[size] = millis;
        updated[size] = updatedSoFar;
        phaseFailedPercent[size++] = (float) failedPercent;
    }

    /** The index of the last point at or before {@code millis}; −1 before the first. */
    int indexAt(long millis) {
        int i = Arrays.binarySearch(at, 0, size, millis);
        if (i >= 0) {
            while (i + 1 < size && at[i + 1] == millis) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    int updated(int index) {
        return index < 0 ? 0 : updated[index];
    }

    double failedPercent(int index) {
        return index < 0 ? 0 : phaseFailedPercent[index];
    }

    int size() {
        return size;
    }

    /** Keeps the first point and every other one after it; the last one always stays. */
    private void thin() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            copy(i, kept++);
        }
        if ((size - 1) % 2 != 0) {
            copy(size - 1, kept++);
        }
        size = kept;
    }

    private void copy(int from, int to) {
        at[to] = at[from];
        updated[to] = updated[from];
        phaseFailedPercent[to] = phaseFailedPercent[from];
    }
}
