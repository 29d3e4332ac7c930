package dev.petal.datasets;

import dev.petal.linalg.Matrix;
import dev.petal.selection.RandomState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The draws of scikit-learn 1.2.1's {@code make_classification}, in its order: hypercube vertices
 * ({@code _generate_hypercube} with {@code sample_without_replacement}'s "auto" method), Gaussian
 * informative features, one random covariance per cluster, redundant and repeated features, noise
 * features, label flips, shift, scale, then the sample and feature shuffles.
 *
 * <p>Reference: I. Guyon, "Design of experiments for the NIPS 2003 variable selection benchmark", 2003.
 * The products {@code X_k A} and {@code X B} are summed as OpenBLAS's FMA (Haswell/SkylakeX) dgemm kernel
 * does: the first product rounded, each later term added by one fused multiply-add.
 */
final class ClassificationGenerator {
    private ClassificationGenerator() {
    }

    static Dataset generate(MakeClassification p, RandomState rng) {
        int n = p.nSamples();
        int nf = p.nFeatures();
        int ni = p.nInformative();
        int nr = p.nRedundant();
        int nRep = p.nRepeated();
        int nClasses = p.nClasses();
        int nUseless = nf - ni - nr - nRep;
        int nClusters = nClasses * p.nClustersPerClass();
        double[] weights = classWeights(p.weights(), nClasses);

        long[] perCluster = new long[nClusters];
        long total = 0;
        for (int k = 0; k < nClusters; k++) {
            perCluster[k] = (long) (n * weights[k % nClasses] / p.nClustersPerClass());
            total += perCluster[k];
        }
        for (long i = 0; i < n - total; i++) {
            perCluster[(int) (i % nClusters)]++;
        }

        double[] x = new double[n * nf];
        int[] y = new int[n];
        double[][] centroids = hypercube(nClusters, ni, rng);
        double twoSep = 2 * p.classSep();
        for (double[] c : centroids) {
            for (int d = 0; d < ni; d++) {
                c[d] = c[d] * twoSep - p.classSep();
            }
        }
        if (!p.hypercube()) {
            for (double[] c : centroids) {
                double u = rng.randomSample();
                for (int d = 0; d < ni; d++) {
                    c[d] *= u;
                }
            }
            for (int d = 0; d < ni; d++) {
                double u = rng.randomSample();
                for (double[] c : centroids) {
                    c[d] *= u;
                }
            }
        }
        fillNormal(x, n, nf, 0, ni, rng);

        long stop = 0;
        double[] a = new double[ni * ni];
        for (int k = 0; k < nClusters; k++) {
            long start = stop;
            stop = stop + perCluster[k];
            int from = (int) Math.min(start, n);
            int to = (int) Math.min(stop, n);
            for (int i = from; i < to; i++) {
                y[i] = k % nClasses;
            }
            for (int t = 0; t < a.length; t++) {
                a[t] = 2 * rng.randomSample() - 1;
            }
            Products.multiplyInPlace(x, nf, from, to, ni, a, ni, 0);
            for (int i = from; i < to; i++) {
                for (int d = 0; d < ni; d++) {
                    x[i * nf + d] += centroids[k][d];
                }
            }
        }
        if (nr > 0) {
            double[] b = new double[ni * nr];
            for (int t = 0; t < b.length; t++) {
                b[t] = 2 * rng.randomSample() - 1;
            }
            Products.multiplyInPlace(x, nf, 0, n, ni, b, nr, ni);
        }
        if (nRep > 0) {
            int m = ni + nr;
            for (int j = 0; j < nRep; j++) {
                int src = (int) ((m - 1) * rng.randomSample() + 0.5);
                for (int i = 0; i < n; i++) {
                    x[i * nf + m + j] = x[i * nf + src];
                }
            }
        }
        if (nUseless > 0) {
            fillNormal(x, n, nf, nf - nUseless, nUseless, rng);
        }
        if (p.flipY() >= 0.0) {
            boolean[] flip = new boolean[n];
            for (int i = 0; i < n; i++) {
                flip[i] = rng.randomSample() < p.flipY();
            }
            for (int i = 0; i < n; i++) {
                if (flip[i]) {
                    y[i] = (int) rng.randint(nClasses);
                }
            }
        }
        double[] shift = perFeature(p.shift().isPresent() ? p.shift().getAsDouble() : Double.NaN, nf);
        if (p.shift().isEmpty()) {
            for (int f = 0; f < nf; f++) {
                shift[f] = (2 * rng.randomSample() - 1) * p.classSep();
            }
        }
        for (int t = 0; t < x.length; t++) {
            x[t] += shift[t % nf];
        }
        double[] scale = perFeature(p.scale().isPresent() ? p.scale().getAsDouble() : Double.NaN, nf);
        if (p.scale().isEmpty()) {
            for (int f = 0; f < nf; f++) {
                scale[f] = 1 + 100 * rng.randomSample();
            }
        }
        for (int t = 0; t < x.length; t++) {
            x[t] *= scale[t % nf];
        }
        if (p.shuffle()) {
            int[] rows = rng.permutation(n);
            int[] cols = rng.permutation(nf);
            double[] out = new double[x.length];
            int[] yOut = new int[n];
            for (int i = 0; i < n; i++) {
                yOut[i] = y[rows[i]];
                int base = rows[i] * nf;
                for (int f = 0; f < nf; f++) {
                    out[i * nf + f] = x[base + cols[f]];
                }
            }
            x = out;
            y = yOut;
        }
        return new Dataset(Matrix.of(n, nf, x), y, names("feature_", nf), names("", nClasses), describe(p));
    }

    /** sklearn's weights: balanced if absent; the last one completed as {@code 1.0 - sum(others)} if one is missing. */
    private static double[] classWeights(double[] given, int nClasses) {
        double[] w = new double[nClasses];
        if (given == null) {
            java.util.Arrays.fill(w, 1.0 / nClasses);
            return w;
        }
        System.arraycopy(given, 0, w, 0, given.length);
        if (given.length == nClasses - 1) {
            double sum = 0;
            for (double v : given) {
                sum += v;
            }
            w[nClasses - 1] = 1.0 - sum;
        }
        return w;
    }

    /** {@code _generate_hypercube(samples, dimensions, rng)}: distinct vertices of {0,1}^dimensions, as doubles. */
    static double[][] hypercube(int samples, int dims, RandomState rng) {
        double[][] out = new double[samples][dims];
        int low = Math.min(dims, 30);
        int high = dims - low;
        for (int s = 0; s < samples; s++) {
            for (int d = 0; d < high; d++) {
                out[s][d] = rng.randint(2);
            }
        }
        long[] v = sampleWithoutReplacement(1L << low, samples, rng);
        for (int s = 0; s < samples; s++) {
            for (int d = 0; d < low; d++) {
                out[s][high + d] = (v[s] >>> (low - 1 - d)) & 1;
            }
        }
        return out;
    }

    /** {@code sample_without_replacement(population, k, method="auto")}: permutation, tracking selection or reservoir sampling by the ratio k / population. */
    static long[] sampleWithoutReplacement(long population, int k, RandomState rng) {
        double ratio = population != 0 ? (double) k / population : 1.0;
        long[] out = new long[k];
        if (ratio > 0.01 && ratio < 0.99) {
            int[] perm = rng.permutation((int) population);
            for (int i = 0; i < k; i++) {
                out[i] = perm[i];
            }
        } else if (ratio < 0.2) {
            Set<Long> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                long j = rng.randint(population);
                while (selected.contains(j)) {
                    j = rng.randint(population);
                }
                selected.add(j);
                out[i] = j;
            }
        } else {
            for (int i = 0; i < k; i++) {
                out[i] = i;
            }
            for (long i = k; i < population; i++) {
                long j = rng.randint(i + 1);
                if (j < k) {
                    out[(int) j] = i;
                }
            }
        }
        return out;
    }

    private static void fillNormal(double[] x, int n, int nf, int col, int width, RandomState rng) {
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < width; d++) {
                x[i * nf + col + d] = rng.standardNormal();
            }
        }
    }

    private static double[] perFeature(double value, int nf) {
        double[] v = new double[nf];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    private static String describe(MakeClassification p) {
        return "make_classification: " + p.nSamples() + " samples, " + p.nFeatures() + " features ("
                + p.nInformative() + " informative, " + p.nRedundant() + " redundant, " + p.nRepeated()
                + " repeated), " + p.nClasses() + " classes, " + p.nClustersPerClass() + " clusters per class.";
    }
}
