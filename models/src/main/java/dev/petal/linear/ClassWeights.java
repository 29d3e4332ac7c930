package dev.petal.linear;

import dev.petal.svm.ClassWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** scikit-learn's {@code compute_class_weight} for the classes seen at fit. */
final class ClassWeights {
    private ClassWeights() {
    }

    /** One weight per class index: 1, {@code n / (k * count)} for 'balanced', or the given map's values. */
    static double[] compute(ClassWeight cw, int[] classes, int[] yInd) {
        int k = classes.length;
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0);
        if (cw instanceof ClassWeight.Balanced) {
            long[] count = new long[k];
            for (int c : yInd) {
                count[c]++;
            }
            for (int i = 0; i < k; i++) {
                w[i] = yInd.length / (k * (double) count[i]);
            }
        } else if (cw instanceof ClassWeight.PerClass pc) {
            Map<Integer, Double> m = pc.weights();
            List<Integer> unweighted = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                Double v = m.get(classes[i]);
                if (v != null) {
                    w[i] = v;
                } else {
                    unweighted.add(classes[i]);
                }
            }
            if (!unweighted.isEmpty() && k - unweighted.size() != m.size()) {
                throw new IllegalArgumentException("The classes, " + unweighted + ", are not in class_weight");
            }
        }
        return w;
    }
}
