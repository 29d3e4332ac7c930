package dev.petal.interop;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import dev.petal.api.Version;
import dev.petal.interop.PyValues.Instance;
import dev.petal.interop.PyValues.Tuple;
import dev.petal.io.ModelFormatException;
import dev.petal.linear.LinearSVRModel;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelMetadata;
import dev.petal.modelio.ModelType;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.SVCModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a scikit-learn 1.x model file, written by {@code joblib.dump} (uncompressed or with zlib,
 * gzip, bz2, lzma or xz) or by {@code pickle.dump} (protocols 2 to 5), into the Petal model it
 * holds: an {@code SVC}, {@code NuSVC}, {@code SVR}, {@code NuSVR}, {@code OneClassSVM}, {@code LinearSVC},
 * {@code LinearSVR}, a {@code StandardScaler}, or a {@code Pipeline} of StandardScalers and a final SVC,
 * NuSVC or LinearSVC. Nothing from the file is run: see {@link PickleReader}. The model predicts exactly as
 * the pickled one (the arrays are the same numbers); string class labels and
 * {@code feature_names_in_} become the result's {@link ModelMetadata}.
 *
 * <p>An imported model's provenance records this Petal and Java, the time of import and, in both
 * fingerprints, the SHA-256 of the imported file (the training data is unknown).
 */
public final class SklearnImport {
    private SklearnImport() {
    }

    /** Reads {@code path} within the default {@link ImportLimits}. */
    public static LoadedModel read(Path path) throws IOException {
        return read(path, ImportLimits.DEFAULT);
    }

    /**
     * Reads {@code path} within {@code limits}.
     *
     * @throws ModelFormatException with a one-line message when the file is not a scikit-learn file
     *                              Petal reads, names anything outside the allow-list, or breaks a limit
     */
    public static LoadedModel read(Path path, ImportLimits limits) throws IOException {
        String source = path.toString();
        long size = Files.size(path);
        if (size > limits.maxBytes()) {
            throw new ModelFormatException(source + " is " + size + " bytes, more than the limit of " + limits.maxBytes()
                    + " bytes for a scikit-learn file.");
        }
        String sha = sha256(path);
        byte[] head = new byte[8];
        int n;
        try (InputStream raw = Files.newInputStream(path)) {
            n = raw.readNBytes(head, 0, head.length);
        }
        Compression compression = Compression.detect(head, n, source);
        Object top;
        int protocol;
        try (InputStream raw = Files.newInputStream(path); InputStream in = open(compression, raw, source)) {
            PickleReader reader = new PickleReader(new PickleInput(in, source, limits.maxBytes()), limits, 0);
            top = reader.load();
            protocol = reader.protocol();
            if (in.read() >= 0) {
                throw new ModelFormatException(source + " goes on after the end of its pickle (its STOP opcode); "
                        + "a scikit-learn file holds one pickle only.");
            }
        } catch (ModelFormatException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(source + ": its " + compression.id() + " data is damaged or truncated ("
                    + oneLine(e) + ").", e);
        }
        Provenance provenance = new Provenance(Version.petal(), Version.java(), Instant.now(), sha, sha);
        return toModel(top, source, Math.max(protocol, 0), provenance);
    }

    private static InputStream open(Compression c, InputStream raw, String source) throws IOException {
        try {
            return c.open(raw);
        } catch (IOException e) {
            if (e instanceof ModelFormatException) {
                throw e;
            }
            throw new ModelFormatException(source + ": its " + c.id() + " header is damaged (" + oneLine(e) + ").", e);
        }
    }

    private static LoadedModel toModel(Object top, String source, int protocol, Provenance provenance)
            throws ModelFormatException {
        if (!(top instanceof Instance est)) {
            throw new ModelFormatException(source + " holds a " + PyValues.typeName(top)
                    + ", not a scikit-learn estimator; Petal imports " + String.join(", ", Globals.SUPPORTED_TEXT) + ".");
        }
        try {
            return switch (est.simpleName()) {
                case "SVC" -> {
                    SvcImport.Result r = SvcImport.read(new SklearnState(source, est), provenance);
                    yield new LoadedModel(source, protocol, ModelType.SVC, r.model(), provenance, r.metadata());
                }
                case "StandardScaler" -> {
                    SklearnState s = new SklearnState(source, est);
                    StandardScalerModel m = ScalerImport.read(s, provenance);
                    yield new LoadedModel(source, protocol, ModelType.STANDARD_SCALER, m, provenance,
                            new ModelMetadata(SvcImport.featureNames(s, m.nFeatures()), List.of()));
                }
                case "NuSVC" -> {
                    SvcImport.Result r = LibsvmImport.nuSvc(new SklearnState(source, est), provenance);
                    yield new LoadedModel(source, protocol, ModelType.NU_SVC, r.model(), provenance, r.metadata());
                }
                case "SVR" -> single(ModelType.SVR, new SklearnState(source, est), source, protocol, provenance);
                case "NuSVR" -> single(ModelType.NU_SVR, new SklearnState(source, est), source, protocol, provenance);
                case "OneClassSVM" -> single(ModelType.ONE_CLASS_SVM, new SklearnState(source, est), source, protocol,
                        provenance);
                case "LinearSVC" -> {
                    LinearImport.Classifier r = LinearImport.svc(new SklearnState(source, est), provenance);
                    yield new LoadedModel(source, protocol, ModelType.LINEAR_SVC, r.model(), provenance, r.metadata());
                }
                case "LinearSVR" -> {
                    SklearnState s = new SklearnState(source, est);
                    LinearSVRModel m = LinearImport.svr(s, provenance);
                    yield new LoadedModel(source, protocol, ModelType.LINEAR_SVR, m, provenance,
                            new ModelMetadata(SvcImport.featureNames(s, m.nFeatures()), List.of()));
                }
                case "Pipeline" -> pipeline(new SklearnState(source, est), source, protocol, provenance);
                default -> throw Globals.refusal(est.className, source);
            };
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": " + oneLine(e), e);
        }
    }

    private static LoadedModel single(ModelType type, SklearnState s, String source, int protocol, Provenance provenance)
            throws ModelFormatException {
        Object m = switch (type) {
            case SVR -> LibsvmImport.svr(s, provenance);
            case NU_SVR -> LibsvmImport.nuSvr(s, provenance);
            default -> LibsvmImport.oneClass(s, provenance);
        };
        return new LoadedModel(source, protocol, type, m, provenance,
                new ModelMetadata(SvcImport.featureNames(s, s.intIn("n_features_in_", 1, 1 << 24)), List.of()));
    }

    private static LoadedModel pipeline(SklearnState s, String source, int protocol, Provenance provenance)
            throws ModelFormatException {
        Object stepsRaw = s.raw("steps");
        if (!(stepsRaw instanceof List<?> steps) || steps.isEmpty() || steps.size() > 64) {
            throw s.fail("steps", "must be a list of 1 to 64 (name, estimator) pairs");
        }
        List<Transformer> transforms = new ArrayList<>();
        DecisionClassifier last = null;
        ModelMetadata lastMeta = null;
        List<String> firstFeatures = null;
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof String name)) {
                throw s.fail("steps", "entry " + i + " is not a (name, estimator) pair");
            }
            Object step = PyValues.unwrap(t.get(1));
            if (step instanceof String str && str.equals("passthrough") || step == PyValues.NONE) {
                continue;
            }
            if (!(step instanceof Instance e)) {
                throw s.fail("steps", "entry '" + name + "' is a " + PyValues.typeName(step));
            }
            boolean isLast = i == steps.size() - 1;
            SklearnState es = new SklearnState(source, e);
            if (e.simpleName().equals("StandardScaler") && !isLast) {
                StandardScalerModel m = ScalerImport.read(es, provenance);
                transforms.add(m);
                if (firstFeatures == null) {
                    firstFeatures = SvcImport.featureNames(es, m.nFeatures());
                }
            } else if ((e.simpleName().equals("SVC") || e.simpleName().equals("NuSVC") || e.simpleName().equals("LinearSVC"))
                    && isLast) {
                if (!e.simpleName().equals("LinearSVC")) {
                    SvcImport.Result r = e.simpleName().equals("SVC") ? SvcImport.read(es, provenance)
                            : LibsvmImport.nuSvc(es, provenance);
                    last = r.model();
                    lastMeta = r.metadata();
                } else {
                    LinearImport.Classifier r = LinearImport.svc(es, provenance);
                    last = r.model();
                    lastMeta = r.metadata();
                }
                if (firstFeatures == null) {
                    firstFeatures = lastMeta.featureNames();
                }
            } else {
                throw new ModelFormatException(source + ": the Pipeline's step '" + name + "' is a " + e.simpleName()
                        + (isLast ? " at the end" : " before the end") + "; Petal imports Pipelines of StandardScalers "
                        + "followed by one SVC, NuSVC or LinearSVC.");
            }
        }
        if (last == null) {
            throw s.fail("steps", "do not end in an SVC or a LinearSVC");
        }
        PipelineModel p = PipelineModel.of(transforms, last, provenance);
        return new LoadedModel(source, protocol, ModelType.PIPELINE, p, provenance,
                new ModelMetadata(firstFeatures, lastMeta.classNames()));
    }

    private static String sha256(Path path) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
