package dev.petal.api;

/**
 * An estimator whose fit can be told how many threads to use. Cross-validation runs several fits at
 * once and gives each a share of the cores through this; the numbers never depend on it.
 */
public interface HasParallelism {
    /** A copy whose fits use {@code parallelism}. */
    HasParallelism withParallelism(Parallelism parallelism);
}
