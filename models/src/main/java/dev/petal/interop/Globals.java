package dev.petal.interop;

import dev.petal.interop.PyValues.Global;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed list of names a scikit-learn pickle may refer to. Anything else is refused when the
 * pickle names it, before it could be called: the reader never imports, loads or runs a class or
 * function by name; it only recognises these names and builds plain data for them.
 */
final class Globals {
    /** The estimators Petal imports, by their pickled module and class name. */
    static final Map<String, String> ESTIMATORS = Map.of(
            "sklearn.svm._classes.SVC", "SVC",
            "sklearn.preprocessing._data.StandardScaler", "StandardScaler",
            "sklearn.pipeline.Pipeline", "Pipeline",
            "sklearn.svm._classes.LinearSVC", "LinearSVC",
            "sklearn.svm._classes.LinearSVR", "LinearSVR",
            "sklearn.svm._classes.NuSVC", "NuSVC",
            "sklearn.svm._classes.SVR", "SVR",
            "sklearn.svm._classes.NuSVR", "NuSVR",
            "sklearn.svm._classes.OneClassSVM", "OneClassSVM");

    static final String RECONSTRUCT = "_reconstruct";
    static final String NDARRAY = "ndarray";
    static final String DTYPE = "dtype";
    static final String SCALAR = "scalar";
    static final String FROMBUFFER = "_frombuffer";
    static final String ENCODE = "encode";
    static final String BYTES = "bytes";
    static final String BYTEARRAY = "bytearray";
    static final String RECONSTRUCTOR = "_reconstructor";
    static final String OBJECT = "object";
    static final String WRAPPER = "NumpyArrayWrapper";

    private static final Set<String> NUMPY_AND_BUILTINS = Set.of(
            "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct",
            "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar",
            "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer",
            "numpy.ndarray", "numpy.dtype",
            "_codecs.encode", "__builtin__.bytes", "builtins.bytes", "builtins.bytearray", "__builtin__.bytearray",
            "copy_reg._reconstructor", "copyreg._reconstructor", "__builtin__.object", "builtins.object",
            "joblib.numpy_pickle.NumpyArrayWrapper");

    /** Estimators scikit-learn has that Petal cannot import yet, for a precise refusal. */
    static final List<String> SUPPORTED_TEXT = List.of("SVC", "NuSVC", "SVR", "NuSVR", "OneClassSVM", "LinearSVC",
            "LinearSVR", "StandardScaler", "Pipeline(StandardScaler, SVC, NuSVC or LinearSVC)");

    private Globals() {
    }

    /** The global named {@code module.name}, or an exception naming it if it is not on the list. */
    static Global resolve(String module, String name, String source) throws dev.petal.io.ModelFormatException {
        String q = module + "." + name;
        if (ESTIMATORS.containsKey(q) || NUMPY_AND_BUILTINS.contains(q)) {
            return new Global(module, name);
        }
        throw refusal(q, source);
    }

    static dev.petal.io.ModelFormatException refusal(String qualified, String source) {
        if (qualified.startsWith("sklearn.")) {
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            return new dev.petal.io.ModelFormatException(source + " holds a scikit-learn " + simple + " (" + qualified
                    + "), which Petal cannot import; Petal imports " + String.join(", ", SUPPORTED_TEXT)
                    + ". Nothing from the file was run.");
        }
        return new dev.petal.io.ModelFormatException(source + " refers to " + qualified
                + ", which is not one of the scikit-learn or numpy names a model file may use; refusing it. "
                + "Nothing from the file was run.");
    }
}
