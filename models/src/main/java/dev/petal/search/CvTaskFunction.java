package dev.petal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Estimator;
import dev.petal.api.Parallelism;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.metrics.Scorer;
import dev.petal.metrics.Scorers;
import dev.petal.selection.CvJob;
import dev.petal.selection.CvOutcome;
import dev.petal.selection.CvTask;
import dev.petal.selection.ErrorScore;
import dev.petal.tasks.TaskFunction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cross-validation unit as a {@link TaskFunction}: the shared bytes hold the job (estimator spec,
 * scorer, error_score, the data), the input one {@link CvTask} as JSON, the output its {@link CvOutcome}
 * as JSON. Doubles travel as their exact bits, so a remote unit gives the local numbers.
 */
public final class CvTaskFunction implements TaskFunction {
    static final ObjectMapper JSON = new ObjectMapper();
    private byte[] lastShared;
    private CvJob<?> lastJob;

    /** Created by a task backend wherever the tasks run. */
    public CvTaskFunction() {
    }

    @Override
    public String apply(byte[] shared, String input) throws Exception {
        CvJob<?> job = job(shared);
        JsonNode t = JSON.readTree(input);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = JSON.convertValue(t.get("params"), LinkedHashMap.class);
        CvTask task = new CvTask(t.get("candidate").intValue(), t.get("fold").intValue(), params,
                JSON.convertValue(t.get("train"), int[].class), JSON.convertValue(t.get("test"), int[].class));
        return outcome(job.evaluate(task));
    }

    private synchronized CvJob<?> job(byte[] shared) throws Exception {
        if (lastShared != shared && (lastShared == null || !Arrays.equals(lastShared, shared))) {
            lastJob = decode(shared);
            lastShared = shared;
        }
        return lastJob;
    }

    /**
     * The shared bytes of a job: a length-prefixed JSON header, then X (float64; for a CSR job its data, then
     * indptr and indices as int32) and y (int32 class labels, or
     * float64 real targets for a regression job), little-endian.
     */
    static byte[] encode(CvJob<?> job, Integer fitThreads) {
        ObjectNode h = JSON.createObjectNode();
        h.set("estimator", EstimatorSpec.toJson(job.estimator()));
        h.put("scoring", job.scorer().name());
        h.put("return_train_score", job.returnTrainScore());
        h.put("error_score_raise", job.errorScore().raises());
        h.put("error_score", Double.doubleToRawLongBits(job.errorScore().value()));
        if (fitThreads != null) {
            h.put("fit_threads", fitThreads);
        }
        boolean regression = job instanceof CvJob.Regression<?>;
        h.put("target", regression ? "values" : "labels");
        RowSource rowsX = job.x();
        int rows = rowsX.rows();
        h.put("rows", rows);
        h.put("cols", rowsX.cols());
        CsrMatrix csr = rowsX instanceof CsrMatrix c ? c : null;
        if (csr != null) {
            h.put("layout", "csr");
            h.put("nnz", csr.nnz());
        }
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        double[] x = csr != null ? csr.data() : ((Matrix) rowsX).toFlatArray();
        int indexBytes = csr != null ? 4 * (rows + 1 + csr.nnz()) : 0;
        ByteBuffer b = ByteBuffer.allocate(4 + header.length + 8 * x.length + indexBytes + (regression ? 8 : 4) * rows)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(header.length).put(header);
        b.asDoubleBuffer().put(x);
        b.position(b.position() + 8 * x.length);
        if (csr != null) {
            b.asIntBuffer().put(csr.indptr()).put(csr.indices());
            b.position(b.position() + indexBytes);
        }
        if (job instanceof CvJob.Regression<?> r) {
            b.asDoubleBuffer().put(r.y());
        } else {
            b.asIntBuffer().put(job.labels());
        }
        return b.array();
    }

    static CvJob<?> decode(byte[] shared) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(shared).order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = new byte[b.getInt()];
        b.get(header);
        JsonNode h = JSON.readTree(header);
        int rows = h.get("rows").intValue();
        int cols = h.get("cols").intValue();
        boolean sparse = h.path("layout").asText("dense").equals("csr");
        double[] x = new double[sparse ? h.get("nnz").intValue() : rows * cols];
        b.asDoubleBuffer().get(x);
        b.position(b.position() + 8 * x.length);
        RowSource xm;
        if (sparse) {
            int[] indptr = new int[rows + 1];
            int[] indices = new int[x.length];
            b.asIntBuffer().get(indptr).get(indices);
            b.position(b.position() + 4 * (indptr.length + indices.length));
            xm = CsrMatrix.of(rows, cols, indptr, indices, x);
        } else {
            xm = Matrix.of(rows, cols, x);
        }
        Object est = EstimatorSpec.fromJson(h.get("estimator"));
        double errorValue = Double.longBitsToDouble(h.get("error_score").longValue());
        ErrorScore es = h.get("error_score_raise").booleanValue() ? ErrorScore.raise() : ErrorScore.of(errorValue);
        Scorer scorer = Scorers.get(h.get("scoring").textValue());
        boolean train = h.get("return_train_score").booleanValue();
        CvJob<?> job;
        if (h.path("target").asText("labels").equals("values")) {
            double[] y = new double[rows];
            b.asDoubleBuffer().get(y);
            job = CvJob.of((RegressorEstimator<?>) est, xm, y, scorer, train, es);
        } else {
            int[] y = new int[rows];
            b.asIntBuffer().get(y);
            job = CvJob.of((Estimator<?>) est, xm, y, scorer, train, es);
        }
        return h.has("fit_threads") ? job.withFitParallelism(Parallelism.threads(h.get("fit_threads").intValue())) : job;
    }

    static String task(CvTask t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("candidate", t.candidate());
        o.put("fold", t.fold());
        o.set("params", JSON.valueToTree(t.params()));
        o.set("train", JSON.valueToTree(t.train()));
        o.set("test", JSON.valueToTree(t.test()));
        return o.toString();
    }

    static String outcome(CvOutcome r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("candidate", r.candidate());
        o.put("fold", r.fold());
        o.put("test", Double.doubleToRawLongBits(r.testScore()));
        o.put("train", Double.doubleToRawLongBits(r.trainScore()));
        o.put("fit_time", r.fitTime());
        o.put("score_time", r.scoreTime());
        o.put("fit_error", r.fitError());
        o.put("score_error", r.scoreError());
        return o.toString();
    }

    static CvOutcome outcome(String json) throws Exception {
        JsonNode o = JSON.readTree(json);
        return new CvOutcome(o.get("candidate").intValue(), o.get("fold").intValue(),
                Double.longBitsToDouble(o.get("test").longValue()), Double.longBitsToDouble(o.get("train").longValue()),
                o.get("fit_time").doubleValue(), o.get("score_time").doubleValue(),
                o.get("fit_error").isNull() ? null : o.get("fit_error").textValue(),
                o.get("score_error").isNull() ? null : o.get("score_error").textValue());
    }
}
