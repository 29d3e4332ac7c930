package dev.petal.svm;

/**
 * libsvm's kernel cache: a least-recently-used set of float column prefixes bounded by the cache
 * size, with the same accounting (bytes / 4, minus 8 floats of header per column, at least two full
 * columns). {@link #swapIndex} keeps the cached columns consistent with the solver's permutation.
 * The eviction policy never changes a value, only what is recomputed.
 *
 * <p>Unlike libsvm, a swap does not reach into every cached column at once: it is logged, and a column
 * goes through the swaps logged since it was last used when it is next requested (or when the log is
 * full), in the same order and with the same rule (a column holding only one of the two entries is
 * dropped), so every value it returns is the one libsvm's eager swaps would have left. A shrink that
 * swaps thousands of positions then costs only the columns used again, not every cached column.
 */
final class KernelCache {
    private final int l;
    private final Team team;
    private long size;
    private final float[][] data;
    private final int[] len;
    private final int[] prev;
    private final int[] next;
    private final int head; // sentinel of the circular LRU list
    /** The swaps logged since the last {@link #flush}, as (smaller, larger) position pairs. */
    private final int[] logA;
    private final int[] logB;
    private int logged;
    /** Per column: how many of the logged swaps its entries have been through. */
    private final int[] applied;
    private final int[] cachedList;
    private final boolean[] dropMark;
    /** Arrays of dropped columns, reused by {@link #take}; at most 8, outside the cache's size budget. */
    private final float[][] spare = new float[8][];
    private int spares;

    KernelCache(int l, double cacheSizeMb, Team team) {
        this.team = team;
        this.l = l;
        long bytes = (long) (cacheSizeMb * (1 << 20));
        long s = bytes / Float.BYTES;
        s -= (long) l * 32 / Float.BYTES;
        this.size = Math.max(s, 2L * l);
        this.data = new float[l][];
        this.len = new int[l];
        this.prev = new int[l + 1];
        this.next = new int[l + 1];
        this.head = l;
        prev[head] = head;
        next[head] = head;
        // a shrink swaps at most l / 2 pairs: the log holds a few shrinks' worth before it is applied to every column
        this.logA = new int[Math.max(l, 16)];
        this.logB = new int[Math.max(l, 16)];
        this.applied = new int[l];
        this.cachedList = new int[l];
        this.dropMark = new boolean[l];
    }

    private void lruDelete(int h) {
        next[prev[h]] = next[h];
        prev[next[h]] = prev[h];
    }

    private void lruInsert(int h) {
        next[h] = head;
        prev[h] = prev[head];
        next[prev[h]] = h;
        prev[next[h]] = h;
    }

    /**
     * Makes column {@code index} hold at least {@code want} entries and marks it most recent.
     * Returns the position from which the caller must fill it ({@code >= want}: nothing to fill).
     */
    int request(int index, int want) {
        int have = len[index];
        if (have > 0 && applied[index] != logged) {
            have = catchUp(index);
        }
        if (have > 0) {
            lruDelete(index);
        }
        int more = want - have;
        int start = want;
        if (more > 0) {
            while (size < more) {
                int old = next[head];
                lruDelete(old);
                size += len[old];
                recycle(data[old]);
                data[old] = null;
                len[old] = 0;
            }
            float[] grown = take(want);
            if (data[index] != null) {
                System.arraycopy(data[index], 0, grown, 0, have);
                recycle(data[index]);
            } else {
                applied[index] = logged;
            }
            data[index] = grown;
            size -= more;
            len[index] = want;
            start = have;
        }
        lruInsert(index);
        return start;
    }

    /**
     * An array of at least {@code want} floats (contents undefined): a recently dropped column's when one is
     * large enough, so a solver that evicts a column per iteration does not allocate (and zero) one.
     */
    private float[] take(int want) {
        for (int s = spares - 1; s >= 0; s--) {
            float[] a = spare[s];
            if (a.length >= want) {
                spare[s] = spare[--spares];
                spare[spares] = null;
                return a;
            }
        }
        return new float[want];
    }

    /** Keeps a dropped column's array for {@link #take}; the oldest kept one goes when the pool is full. */
    private void recycle(float[] a) {
        if (spares == spare.length) {
            System.arraycopy(spare, 1, spare, 0, spares - 1);
            spares--;
        }
        spare[spares++] = a;
    }

    /**
     * The cached column {@code index} (valid after {@link #request}). As in libsvm, the array stays valid only
     * until a later request evicts or grows that column: its array is then reused for another column.
     */
    float[] column(int index) {
        return data[index];
    }

    /**
     * Swaps positions i and j: the columns trade places at once, the entries i and j inside every cached column
     * when that column is next used (a column holding only one of them is then dropped).
     */
    void swapIndex(int i, int j) {
        if (i == j) {
            return;
        }
        if (len[i] > 0) {
            lruDelete(i);
        }
        if (len[j] > 0) {
            lruDelete(j);
        }
        float[] td = data[i];
        data[i] = data[j];
        data[j] = td;
        int t = len[i];
        len[i] = len[j];
        len[j] = t;
        t = applied[i];
        applied[i] = applied[j];
        applied[j] = t;
        if (len[i] > 0) {
            lruInsert(i);
        }
        if (len[j] > 0) {
            lruInsert(j);
        }
        if (logged == logA.length) {
            flush();
        }
        logA[logged] = Math.min(i, j);
        logB[logged] = Math.max(i, j);
        logged++;
    }

    /**
     * Puts cached column h through the swaps logged since its last use; returns its length, 0 if a swap
     * dropped it.
     */
    private int catchUp(int h) {
        int n = len[h];
        if (swapEntries(data[h], n, applied[h], logged)) {
            dropColumn(h);
            return 0;
        }
        applied[h] = logged;
        return n;
    }

    /**
     * Applies the logged swaps [from, to) to the n entries of {@code col}, as libsvm's swaps would have one by
     * one; returns true, leaving the column half done, when a swap holds only one of its entries in it.
     */
    private boolean swapEntries(float[] col, int n, int from, int to) {
        for (int t = from; t < to; t++) {
            int a = logA[t];
            if (n > a) {
                int b = logB[t];
                if (n <= b) {
                    return true;
                }
                float v = col[a];
                col[a] = col[b];
                col[b] = v;
            }
        }
        return false;
    }

    private void dropColumn(int h) {
        lruDelete(h);
        size += len[h];
        recycle(data[h]);
        data[h] = null;
        len[h] = 0;
    }

    /** Puts every cached column through its logged swaps, in parallel over columns, and empties the log. */
    private void flush() {
        int cached = 0;
        int[] cols = cachedList;
        boolean[] drop = dropMark;
        for (int h = next[head]; h != head; h = next[h]) {
            cols[cached++] = h;
        }
        int count = logged;
        // each swap reads and writes two entries of a column: 4 work units per swap per column
        team.forRange(0, cached, Team.piece(4L * count), (from, to) -> {
            for (int c = from; c < to; c++) {
                int h = cols[c];
                drop[h] = swapEntries(data[h], len[h], applied[h], count);
                applied[h] = 0;
            }
        });
        for (int c = 0; c < cached; c++) {
            if (drop[cols[c]]) {
                drop[cols[c]] = false;
                dropColumn(cols[c]);
            }
        }
        logged = 0;
    }

    /** The number of columns this cache was built for. */
    int columns() {
        return l;
    }
}
