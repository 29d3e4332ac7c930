package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.Parallelism;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernel cache against the permutation it serves: whatever requests, evictions and swaps came before, every
 * entry a request says is already there holds the value of the pair of variables now at those positions, as
 * libsvm's eagerly swapped cache would hold it.
 */
class KernelCacheTest {

    /** A distinct value per ordered pair of variables. */
    private static float value(int a, int b) {
        return a * 4096 + b;
    }

    /** Requests, shrink-like batches of swaps and evictions in random order, checking every entry served. */
    private static long exercise(long seed, int l, double cacheMb, Team team) {
        Random rnd = new Random(seed);
        KernelCache cache = new KernelCache(l, cacheMb, team);
        int[] perm = new int[l];
        for (int k = 0; k < l; k++) {
            perm[k] = k;
        }
        long kept = 0;
        int active = l;
        for (int step = 0; step < 4000; step++) {
            int op = rnd.nextInt(40);
            if (op == 0) {
                // a shrink: swap positions of the active part with later ones, then shorten the active part
                int swaps = 1 + rnd.nextInt(Math.max(1, active / 2));
                for (int s = 0; s < swaps; s++) {
                    int i = rnd.nextInt(active);
                    int j = rnd.nextInt(l);
                    cache.swapIndex(i, j);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                active = Math.max(2, active - rnd.nextInt(active / 4 + 1));
            } else if (op == 1) {
                active = l;
            } else {
                int i = rnd.nextInt(active);
                int want = rnd.nextInt(4) == 0 ? l : 1 + rnd.nextInt(active);
                int start = cache.request(i, want);
                float[] col = cache.column(i);
                assertTrue(col.length >= want, "column shorter than requested");
                for (int k = 0; k < Math.min(start, want); k++) {
                    assertEquals(value(perm[i], perm[k]), col[k],
                            "seed " + seed + " step " + step + ": entry " + k + " of column " + i);
                }
                kept += Math.min(start, want);
                for (int k = start; k < want; k++) {
                    col[k] = value(perm[i], perm[k]);
                }
            }
        }
        return kept;
    }

    @Test
    void servedEntriesFollowEverySwapSerially() {
        long kept = 0;
        for (long seed = 1; seed <= 20; seed++) {
            int l = 40 + (int) (seed * 13 % 200);
            // about 12 full columns: requests evict, and the swap log fills up and is applied to every column
            double mb = (12.0 + 8) * l * Float.BYTES / (1 << 20);
            kept += exercise(seed, l, mb, Team.serial("test"));
        }
        assertTrue(kept > 100_000, "the test reused too few cached entries to mean anything: " + kept);
    }

    @Test
    void servedEntriesFollowEverySwapWhenTheLogIsAppliedInParallel() {
        // long columns and a log applied to many of them at once: the flush splits over the team's threads
        try (Team team = Team.of("test", Parallelism.threads(2), null)) {
            for (long seed = 101; seed <= 104; seed++) {
                int l = 3000;
                exercise(seed, l, (200.0 + 8) * l * Float.BYTES / (1 << 20), team);
            }
        }
    }
}
