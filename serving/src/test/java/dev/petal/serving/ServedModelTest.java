package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The served model's validation: names and shapes must match the classifier. */
class ServedModelTest {
    private static final LinearClassifier IRIS = LinearClassifier.iris(true);

    private static void invalid(String message, Runnable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::run).getMessage());
    }

    @Test
    void ofDerivesTheEstimatorNameFromTheClass() {
        ServedModel m = ServedModel.of("iris", IRIS);
        assertEquals("LinearClassifier", m.estimator());
        assertEquals("", m.version());
        assertEquals(List.of(), m.featureNames());
        assertEquals("SVC", m.withEstimator("SVC").estimator());
        assertEquals("3", m.withVersion("3").version());
    }

    @Test
    void namesAreChecked() {
        invalid("Model name 'my model' is not valid: use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit.",
                () -> ServedModel.of("my model", IRIS));
        invalid("Model name '' is not valid: use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit.",
                () -> ServedModel.of("", IRIS));
        invalid("Model version '1/2' is not valid: use letters, digits, '.', '_' or '-'.", () -> ServedModel.of("iris", IRIS).withVersion("1/2"));
    }

    @Test
    void featureAndClassNamesMustMatchTheModel() {
        invalid("featureNames has 2 names, but the model has 4 features.", () -> ServedModel.of("iris", IRIS).withFeatureNames(List.of("a", "b")));
        invalid("featureNames must be distinct; got [a, b, a, c].",
                () -> ServedModel.of("iris", IRIS).withFeatureNames(List.of("a", "b", "a", "c")));
        invalid("classNames has 2 names, but the model has 3 classes.", () -> ServedModel.of("iris", IRIS).withClassNames(List.of("a", "b")));
    }
}
