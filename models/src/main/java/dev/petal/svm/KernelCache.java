package dev.petal.svm;

/**
 * libsvm's kernel cache: a least-recently-used set of float column prefixes bounded by the cache
 * size, with the same accounting (bytes / 4, minus 8 floats of header per column, at least two full
 * columns). {@link #swapIndex} keeps the cached columns consistent with the solver's permutation.
 * The eviction policy never changes a value, only what is recomputed.
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
    private final int[] swapA;
    private final int[] swapB;
    private int pending = -1; // deferred entry swaps, or -1 outside a batch
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
        this.swapA = new int[l];
        this.swapB = new int[l];
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

    /** Swaps positions i and j in every cached column; columns holding only one of them are dropped. */
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
        int tl = len[i];
        len[i] = len[j];
        len[j] = tl;
        if (len[i] > 0) {
            lruInsert(i);
        }
        if (len[j] > 0) {
            lruInsert(j);
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        if (pending >= 0) {
            swapA[pending] = a;
            swapB[pending] = b;
            pending++;
            return;
        }
        for (int h = next[head]; h != head; ) {
            int nextH = next[h];
            if (len[h] > a) {
                if (len[h] > b) {
                    float t = data[h][a];
                    data[h][a] = data[h][b];
                    data[h][b] = t;
                } else {
                    dropColumn(h);
                }
            }
            h = nextH;
        }
    }

    private void dropColumn(int h) {
        lruDelete(h);
        size += len[h];
        recycle(data[h]);
        data[h] = null;
        len[h] = 0;
    }

    /**
     * Starts a batch of {@link #swapIndex} calls (at most {@link #columns()}) with no request in between:
     * the columns are relabelled at once, the entry swaps inside the cached columns wait for
     * {@link #endSwaps}.
     */
    void beginSwaps() {
        pending = 0;
    }

    /**
     * Applies the batch's entry swaps column by column, in parallel over columns: each cached column goes
     * through the same swaps in the same order as {@link #swapIndex} would have applied them one by one,
     * and is dropped where that would have dropped it, so every cached value ends up the same.
     */
    void endSwaps() {
        int count = pending;
        pending = -1;
        if (count <= 0) {
            return;
        }
        int cached = 0;
        int[] cols = cachedList;
        boolean[] drop = dropMark;
        for (int h = next[head]; h != head; h = next[h]) {
            cols[cached++] = h;
        }
        // each swap reads and writes two entries of a column: 4 work units per swap per column
        team.forRange(0, cached, Team.piece(4L * count), (from, to) -> {
            for (int c = from; c < to; c++) {
                int h = cols[c];
                float[] col = data[h];
                int n = len[h];
                for (int t = 0; t < count; t++) {
                    int a = swapA[t];
                    if (n > a) {
                        int b = swapB[t];
                        if (n > b) {
                            float v = col[a];
                            col[a] = col[b];
                            col[b] = v;
                        } else {
                            drop[h] = true;
                            break;
                        }
                    }
                }
            }
        });
        for (int c = 0; c < cached; c++) {
            if (drop[cols[c]]) {
                drop[cols[c]] = false;
                dropColumn(cols[c]);
            }
        }
    }

    /** The number of columns this cache was built for. */
    int columns() {
        return l;
    }
}
