package dev.petal.interop;

import dev.petal.api.Provenance;
import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelMetadata;
import dev.petal.svm.DecisionShape;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import dev.petal.svm.SingleOutputState;
import dev.petal.svm.SVCState;
import dev.petal.api.Parallelism;

/**
 * Pickled scikit-learn {@code NuSVC}, {@code SVR}, {@code NuSVR} and {@code OneClassSVM} as Petal's libsvm
 * models. NuSVC shares SVC's arrays ({@link SvcImport#state}); the one-output models keep one row of
 * {@code _dual_coef_} and one {@code _intercept_}, which scikit-learn does not sign-flip for them.
 */
final class LibsvmImport {
    private LibsvmImport() {
    }

    static SvcImport.Result nuSvc(SklearnState s, Provenance provenance) throws ModelFormatException {
        SvcImport.Labels labels = SvcImport.labels(s);
        NuSVC params = new NuSVC(s.number("nu"), SvcImport.kernel(s), s.intIn("degree", 0, Integer.MAX_VALUE),
                SvcImport.gamma(s), s.number("coef0"), s.bool("shrinking"), s.bool("probability"), s.number("tol"),
                s.number("cache_size"), SvcImport.classWeight(s, labels), s.intIn("max_iter", -1, Integer.MAX_VALUE),
                DecisionShape.parse(s.string("decision_function_shape")), s.bool("break_ties"), SvcImport.randomState(s),
                Parallelism.auto(), null);
        SVCState state = SvcImport.state(s, params.asSvcParams(), labels, provenance);
        return new SvcImport.Result(NuSVCModel.fromState(params, state),
                new ModelMetadata(SvcImport.featureNames(s, state.nFeatures()), labels.names()));
    }

    static SVRModel svr(SklearnState s, Provenance provenance) throws ModelFormatException {
        SVR params = new SVR(SvcImport.kernel(s), s.intIn("degree", 0, Integer.MAX_VALUE), SvcImport.gamma(s),
                s.number("coef0"), s.number("tol"), s.number("C"), s.number("epsilon"), s.bool("shrinking"),
                s.number("cache_size"), s.intIn("max_iter", -1, Integer.MAX_VALUE), Parallelism.auto(), null);
        return SVRModel.fromState(params, state(s, params.kernel(), provenance));
    }

    static NuSVRModel nuSvr(SklearnState s, Provenance provenance) throws ModelFormatException {
        NuSVR params = new NuSVR(s.number("nu"), s.number("C"), SvcImport.kernel(s), s.intIn("degree", 0, Integer.MAX_VALUE),
                SvcImport.gamma(s), s.number("coef0"), s.bool("shrinking"), s.number("tol"), s.number("cache_size"),
                s.intIn("max_iter", -1, Integer.MAX_VALUE), Parallelism.auto(), null);
        return NuSVRModel.fromState(params, state(s, params.kernel(), provenance));
    }

    static OneClassSVMModel oneClass(SklearnState s, Provenance provenance) throws ModelFormatException {
        OneClassSVM params = new OneClassSVM(SvcImport.kernel(s), s.intIn("degree", 0, Integer.MAX_VALUE),
                SvcImport.gamma(s), s.number("coef0"), s.number("tol"), s.number("nu"), s.bool("shrinking"),
                s.number("cache_size"), s.intIn("max_iter", -1, Integer.MAX_VALUE), Parallelism.auto(), null);
        return OneClassSVMModel.fromState(params, state(s, params.kernel(), provenance));
    }

    private static SingleOutputState state(SklearnState s, Kernel kernel, Provenance provenance) throws ModelFormatException {
        if (s.bool("_sparse")) {
            throw s.fail("_sparse", "is True: the model was fitted on a sparse matrix, which Petal's import does not read");
        }
        int d = s.intIn("n_features_in_", 1, 1 << 24);
        int[] support = s.ints("support_", -1);
        int l = support.length;
        Matrix sv;
        if (kernel.equals(Kernel.PRECOMPUTED)) {
            s.checkShape("support_vectors_", s.array("support_vectors_"), 0, -1);
            sv = Matrix.zeros(0, 0);
        } else {
            sv = Matrix.of(l, d, s.doubles("support_vectors_", l, d));
        }
        double[] dual = s.doubles("_dual_coef_", 1, l);
        double[] intercept = s.doubles("_intercept_", 1);
        if (!java.util.Arrays.equals(dual, s.doubles("dual_coef_", 1, l))) {
            throw s.fail("dual_coef_", "disagrees with libsvm's _dual_coef_; the file was altered");
        }
        if (!java.util.Arrays.equals(intercept, s.doubles("intercept_", 1))) {
            throw s.fail("intercept_", "disagrees with libsvm's _intercept_; the file was altered");
        }
        int[] nIter = s.has("_num_iter") ? s.ints("_num_iter", 1) : s.ints("n_iter_", 1);
        return new SingleOutputState(s.number("_gamma"), d, support, sv, dual, intercept[0], nIter[0],
                s.intIn("fit_status_", 0, 1), provenance);
    }
}
