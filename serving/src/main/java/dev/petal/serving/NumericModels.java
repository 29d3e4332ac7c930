package dev.petal.serving;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.OutlierDetector;
import dev.petal.api.Regressor;
import dev.petal.linalg.Matrix;

/**
 * Serves the models that are not classifiers through the classifier-shaped service: a one-class SVM as a
 * classifier of the labels -1 (outlier) and 1 (inlier) with its one-column decision function; a regressor
 * as a model whose {@code predict} answers numbers ({@link Scores} asks {@link RegressorView#values}).
 */
final class NumericModels {
    private NumericModels() {
    }

    /** A regressor behind the service: predictions are numbers, there is no decision function or probability. */
    static final class RegressorView implements DecisionClassifier {
        private final Regressor regressor;
        private final String name;

        RegressorView(Regressor regressor, String name) {
            this.regressor = regressor;
            this.name = name;
        }

        /** The predicted numbers of the rows of {@code x}, as one column. */
        Matrix values(Matrix x) {
            double[] p = regressor.predict(x);
            return Matrix.of(p.length, 1, p);
        }

        /** No classes: a regressor answers numbers. */
        @Override
        public int[] classes() {
            return new int[0];
        }

        @Override
        public int nFeatures() {
            return regressor.nFeatures();
        }

        /** Refused: a regressor's predictions are numbers ({@link #values}). */
        @Override
        public int[] predict(Matrix x) {
            throw new IllegalStateException("a regressor predicts numbers, not labels");
        }

        /** Refused with a request error: a regressor has no decision function. */
        @Override
        public Matrix decisionFunction(Matrix x) {
            throw RequestException.badRequest(name + " is a regressor: it has no decision_function; use 'predict'.");
        }

        /** The estimator's name, e.g. SVR. */
        @Override
        public String toString() {
            return name;
        }
    }

    /** A one-class SVM (or a pipeline ending in one) as a classifier of -1 and 1 whose decision function is one column. */
    static final class OneClassView implements DecisionClassifier {
        private final OutlierDetector model;

        OneClassView(OutlierDetector model) {
            this.model = model;
        }

        @Override
        public int[] classes() {
            return new int[] {-1, 1};
        }

        @Override
        public int nFeatures() {
            return model.nFeatures();
        }

        @Override
        public int[] predict(Matrix x) {
            return model.predict(x);
        }

        @Override
        public Matrix decisionFunction(Matrix x) {
            double[] d = model.decisionFunction(x);
            return Matrix.of(d.length, 1, d);
        }
    }
}
