package dev.petal.bench;

import dev.petal.linalg.Matrix;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/** Trains and predicts with LIBSVM's official Java port, configured as scikit-learn's SVC defaults. */
final class LibsvmJava {
    static {
        svm.svm_set_print_string_function(s -> { });
    }

    private LibsvmJava() {
    }

    /** Fits a C-SVC with the given kernel ("rbf" or "linear"), C and gamma; tol 1e-3, cache 200 MB, shrinking on. */
    static svm_model fit(Matrix x, int[] y, String kernel, double c, double gamma) {
        svm_problem prob = new svm_problem();
        prob.l = x.rows();
        prob.y = new double[prob.l];
        prob.x = new svm_node[prob.l][];
        for (int i = 0; i < prob.l; i++) {
            prob.y[i] = y[i];
            prob.x[i] = nodes(x, i);
        }
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = kernel.equals("linear") ? svm_parameter.LINEAR : svm_parameter.RBF;
        p.degree = 3;
        p.gamma = gamma;
        p.coef0 = 0;
        p.C = c;
        p.eps = 1e-3;
        p.cache_size = 200;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return svm.svm_train(prob, p);
    }

    /** Predicts every row of {@code x}. */
    static int[] predict(svm_model model, Matrix x) {
        int[] out = new int[x.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) svm.svm_predict(model, nodes(x, i));
        }
        return out;
    }

    private static svm_node[] nodes(Matrix x, int i) {
        svm_node[] row = new svm_node[x.cols()];
        for (int j = 0; j < row.length; j++) {
            row[j] = new svm_node();
            row[j].index = j + 1;
            row[j].value = x.get(i, j);
        }
        return row;
    }
}
