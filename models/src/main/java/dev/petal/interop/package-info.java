/**
 * scikit-learn interoperability: reading scikit-learn's own model files (pickle and joblib) into
 * Petal models without running anything from the file, and writing Petal models as ONNX graphs
 * and as joblib files scikit-learn loads.
 *
 * <p>{@link dev.petal.interop.SklearnImport} is the entry point for reading ({@code ModelIO.importSklearn}
 * calls it); {@link dev.petal.interop.OnnxExport} and {@link dev.petal.interop.JoblibExport} write.
 * The pickle reader here is an interpreter of pickle's opcodes over plain values: it constructs
 * only a closed list of scikit-learn and numpy objects, as data, and bounds every size before it
 * allocates.
 */
package dev.petal.interop;
