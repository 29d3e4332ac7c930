package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.preprocessing.StandardScalerModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalerModelIOTest {
    @TempDir
    Path dir;

    static Matrix data(long seed, int rows, int cols) {
        Random r = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian() * (1 + i % cols) * 10 + i % cols;
        }
        return Matrix.of(rows, cols, d);
    }

    @Test
    void roundTripsEverySettingBitForBit() throws IOException {
        Matrix x = data(1, 40, 3);
        Matrix probe = data(2, 7, 3);
        for (StandardScaler s : List.of(new StandardScaler(true, true), new StandardScaler(true, false),
                new StandardScaler(false, true), new StandardScaler(false, false))) {
            StandardScalerModel m = s.fit(x);
            Path p = dir.resolve("scaler.petal");
            ModelIO.save(p, m);
            LoadedModel loaded = ModelIO.load(p);
            assertEquals(ModelType.STANDARD_SCALER, loaded.type());
            assertEquals(1, loaded.formatVersion());
            assertEquals(m.provenance(), loaded.provenance());
            assertEquals(ModelMetadata.NONE, loaded.metadata());
            StandardScalerModel back = loaded.model(StandardScalerModel.class);
            assertEquals(s, back.params());
            assertEquals(m.nSamplesSeen(), back.nSamplesSeen());
            assertEquals(m.mean().map(List::of).isPresent(), back.mean().isPresent());
            m.mean().ifPresent(v -> assertArrayEquals(v, back.mean().orElseThrow()));
            m.var().ifPresent(v -> assertArrayEquals(v, back.var().orElseThrow()));
            m.scale().ifPresent(v -> assertArrayEquals(v, back.scale().orElseThrow()));
            assertArrayEquals(m.transform(probe).toFlatArray(), loaded.asTransformer().transform(probe).toFlatArray());
        }
    }

    @Test
    void keepsFeatureNames() throws IOException {
        StandardScalerModel m = StandardScaler.defaults().fit(data(3, 10, 2));
        Path p = dir.resolve("s.petal");
        ModelIO.save(p, m, ModelMetadata.ofFeatureNames(List.of("sepal length (cm)", "naïve ✓")));
        assertEquals(List.of("sepal length (cm)", "naïve ✓"), ModelIO.load(p).metadata().featureNames());
        assertEquals("the model has 2 features, but 1 feature names were given.",
                assertThrows(IllegalArgumentException.class,
                        () -> ModelIO.save(p, m, ModelMetadata.ofFeatureNames(List.of("a")))).getMessage());
        assertEquals("class names must name each of the model's 0 classes; got 1 names.",
                assertThrows(IllegalArgumentException.class,
                        () -> ModelIO.save(p, m, new ModelMetadata(List.of(), List.of("setosa")))).getMessage());
        assertEquals("the feature name 'a' appears twice; names must be unique.",
                assertThrows(IllegalArgumentException.class, () -> ModelMetadata.ofFeatureNames(List.of("a", "a"))).getMessage());
    }

    @Test
    void aFailedSaveKeepsThePreviousFile() throws IOException {
        Path p = dir.resolve("s.petal");
        ModelIO.save(p, StandardScaler.defaults().fit(data(4, 5, 2)));
        byte[] before = Files.readAllBytes(p);
        assertEquals("Petal cannot save a java.lang.String; model files hold one of [svc, standard_scaler, pipeline, linear_svc, linear_svr, nu_svc, svr, nu_svr, one_class_svm].",
                assertThrows(IllegalArgumentException.class, () -> ModelIO.save(p, "not a model")).getMessage());
        assertArrayEquals(before, Files.readAllBytes(p));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aScalerIsNotAClassifier() throws IOException {
        Path p = dir.resolve("s.petal");
        ModelIO.save(p, StandardScaler.defaults().fit(data(5, 5, 2)));
        assertEquals(p + " holds a standard_scaler, which cannot predict; use a model file that holds an svc or a pipeline.",
                assertThrows(ModelFormatException.class, () -> ModelIO.loadClassifier(p)).getMessage());
        assertEquals(p + " holds a standard_scaler, which is not a classifier; use a model file that holds an svc or a pipeline.",
                assertThrows(IllegalStateException.class, () -> ModelIO.load(p).asClassifier()).getMessage());
        assertTrue(ModelIO.load(p).asTransformer() instanceof StandardScalerModel);
    }
}
