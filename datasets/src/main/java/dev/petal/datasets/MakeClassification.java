package dev.petal.datasets;

import dev.petal.check.Check;
import dev.petal.selection.RandomState;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The settings of scikit-learn 1.2.1's {@code make_classification}, validated on construction, with its
 * defaults and messages; {@link #generate(long)} draws the same X and y, bit for bit, as
 * {@code make_classification(..., random_state=seed)}.
 *
 * <p>{@code weights} is null for balanced classes (sklearn's None); an empty {@code shift} or {@code scale}
 * is sklearn's None (drawn at random per feature). Bit-exactness rests on three reproductions: NumPy's legacy
 * RandomState draws ({@link RandomState}), glibc's {@code log} in its Gaussian, and {@code np.dot} summed as
 * OpenBLAS 0.3.21 sums it with its Haswell/Zen FMA kernels on 2 threads, the reference machine of the
 * fixtures. scikit-learn's own output changes in the last bits with OpenBLAS's thread count or kernel
 * family once {@code n_informative} is 8 or more, and with another BLAS library at any size.
 *
 * @param nSamples          the number of samples (rows)
 * @param nFeatures         the total number of features
 * @param nInformative      informative features: Gaussian clusters around hypercube vertices
 * @param nRedundant        random linear combinations of the informative features
 * @param nRepeated         copies of informative or redundant features
 * @param nClasses          the number of classes (labels 0..nClasses-1)
 * @param nClustersPerClass clusters per class
 * @param weights           class proportions (nClasses or nClasses - 1 values), or null for balanced
 * @param flipY             the fraction of labels replaced by random ones (no draw at all if negative)
 * @param classSep          half the hypercube side
 * @param hypercube         centroids on hypercube vertices (false: scaled by random factors)
 * @param shift             added to every feature; empty to draw one per feature in [-classSep, classSep)
 * @param scale             multiplies every feature after the shift; empty to draw one per feature in [1, 101)
 * @param shuffle           shuffle the samples and the features
 */
public record MakeClassification(int nSamples, int nFeatures, int nInformative, int nRedundant, int nRepeated,
                                 int nClasses, int nClustersPerClass, double[] weights, double flipY,
                                 double classSep, boolean hypercube, OptionalDouble shift, OptionalDouble scale,
                                 boolean shuffle) {
    static final String OWNER = "make_classification";

    /** Validates the parameters: sklearn's own ValueErrors with its texts, then the sizes it leaves to NumPy. */
    public MakeClassification {
        Check.atLeast(OWNER, "n_samples", nSamples, 1);
        Check.atLeast(OWNER, "n_features", nFeatures, 1);
        Check.atLeast(OWNER, "n_informative", nInformative, 1);
        Check.atLeast(OWNER, "n_redundant", nRedundant, 0);
        Check.atLeast(OWNER, "n_repeated", nRepeated, 0);
        Check.atLeast(OWNER, "n_classes", nClasses, 1);
        Check.atLeast(OWNER, "n_clusters_per_class", nClustersPerClass, 1);
        if ((long) nInformative + nRedundant + nRepeated > nFeatures) {
            throw new IllegalArgumentException("Number of informative, redundant and repeated features must sum to"
                    + " less than the number of total features");
        }
        long nClusters = (long) nClasses * nClustersPerClass;
        // sklearn compares n_informative < log2(n_classes * n_clusters_per_class)
        if (nInformative < 63 && nClusters > (1L << nInformative)) {
            throw new IllegalArgumentException(String.format(
                    "n_classes(%d) * n_clusters_per_class(%d) must be smaller or equal 2**n_informative(%d)=%s",
                    nClasses, nClustersPerClass, nInformative, java.math.BigInteger.TWO.pow(nInformative)));
        }
        if (weights != null) {
            if (weights.length != nClasses && weights.length != nClasses - 1) {
                throw new IllegalArgumentException("Weights specified but incompatible with number of classes.");
            }
            for (double w : weights) {
                if (!(w >= 0.0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("The weights of make_classification must be finite and"
                            + " non-negative. Got " + Arrays.toString(weights) + " instead.");
                }
            }
            weights = weights.clone();
        }
        if (Double.isNaN(classSep) || Double.isInfinite(classSep)) {
            throw new IllegalArgumentException("The 'class_sep' parameter of make_classification must be a finite"
                    + " float. Got " + classSep + " instead.");
        }
        if (shift == null || scale == null) {
            throw new NullPointerException("shift and scale must be given; use OptionalDouble.empty() for random");
        }
    }

    /** sklearn's defaults for {@code nSamples} samples: 20 features, 2 informative, 2 redundant, 2 classes, 2 clusters each, flip 0.01, separation 1, hypercube, no shift, scale 1, shuffled. */
    public static MakeClassification defaults(int nSamples) {
        return new MakeClassification(nSamples, 20, 2, 2, 0, 2, 2, null, 0.01, 1.0, true,
                OptionalDouble.of(0.0), OptionalDouble.of(1.0), true);
    }

    /** A copy of the class proportions, or null for balanced classes. */
    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Draws X and y as {@code make_classification(..., random_state=seed)} does; the seed lies in [0, 2**32 - 1]. */
    public Dataset generate(long seed) {
        return generate(new RandomState(seed));
    }

    /** Draws X and y from {@code rng} (advancing it), as {@code make_classification(..., random_state=rng)} does. */
    public Dataset generate(RandomState rng) {
        return ClassificationGenerator.generate(this, rng);
    }

    /** A copy with {@code nSamples}. */
    public MakeClassification withNSamples(int nSamples) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code nFeatures}. */
    public MakeClassification withNFeatures(int nFeatures) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code nInformative}. */
    public MakeClassification withNInformative(int nInformative) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code nRedundant}. */
    public MakeClassification withNRedundant(int nRedundant) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code nRepeated}. */
    public MakeClassification withNRepeated(int nRepeated) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code nClasses}. */
    public MakeClassification withNClasses(int nClasses) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code nClustersPerClass}. */
    public MakeClassification withNClustersPerClass(int nClustersPerClass) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with class proportions {@code weights} (nClasses or nClasses - 1 values; null for balanced). */
    public MakeClassification withWeights(double... weights) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code flipY}. */
    public MakeClassification withFlipY(double flipY) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code classSep}. */
    public MakeClassification withClassSep(double classSep) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with {@code hypercube}. */
    public MakeClassification withHypercube(boolean hypercube) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }

    /** A copy with a fixed {@code shift}. */
    public MakeClassification withShift(double shift) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, OptionalDouble.of(shift), scale, shuffle);
    }

    /** A copy whose shift is drawn per feature (sklearn's {@code shift=None}). */
    public MakeClassification withRandomShift() {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, OptionalDouble.empty(), scale, shuffle);
    }

    /** A copy with a fixed {@code scale}. */
    public MakeClassification withScale(double scale) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, OptionalDouble.of(scale), shuffle);
    }

    /** A copy whose scale is drawn per feature (sklearn's {@code scale=None}). */
    public MakeClassification withRandomScale() {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, OptionalDouble.empty(), shuffle);
    }

    /** A copy with {@code shuffle}. */
    public MakeClassification withShuffle(boolean shuffle) {
        return new MakeClassification(nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses,
                nClustersPerClass, weights, flipY, classSep, hypercube, shift, scale, shuffle);
    }
}
