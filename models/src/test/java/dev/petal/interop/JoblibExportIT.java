package dev.petal.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scikit-learn 1.2.1 itself ({@code /usr/bin/python3}, Debian's python3-sklearn, which CI installs)
 * loads every joblib file Petal exports with {@code joblib.load} and answers predict, decision_function,
 * predict_proba and transform exactly as the original scikit-learn estimators did. Skipped, saying so,
 * where that Python lacks scikit-learn 1.2.1.
 */
class JoblibExportIT {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import json, sys, warnings",
            "import joblib, numpy as np, sklearn",
            "warnings.simplefilter('ignore')",
            "out = {}",
            "for path, probe in json.load(open(sys.argv[1])).items():",
            "    m = joblib.load(path)",
            "    X = np.array(probe)",
            "    r = {'type': type(m).__name__}",
            "    if hasattr(m, 'predict') and not hasattr(m, 'classes_'):",
            "        r['predict'] = [float(v) for v in m.predict(X)]",
            "        if type(m).__name__ == 'OneClassSVM':",
            "            r['decision_function'] = [[float(v)] for v in m.decision_function(X)]",
            "    elif hasattr(m, 'predict'):",
            "        r['predict'] = [v.item() if hasattr(v, 'item') else v for v in m.predict(X)]",
            "        d = m.decision_function(X)",
            "        r['decision_function'] = [list(map(float, row)) for row in (d if d.ndim == 2 else d[:, None])]",
            "        try:",
            "            r['predict_proba'] = [list(map(float, row)) for row in m.predict_proba(X)]",
            "        except AttributeError:",
            "            pass",
            "    else:",
            "        r['transform'] = [list(map(float, row)) for row in m.transform(X)]",
            "    if hasattr(m, 'feature_names_in_'):",
            "        r['feature_names_in'] = [str(s) for s in m.feature_names_in_]",
            "    out[path] = r",
            "json.dump(out, open(sys.argv[2], 'w'))");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void needsScikitLearn() throws Exception {
        boolean ok = false;
        if (Files.isExecutable(Path.of(PYTHON))) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import sklearn, joblib; assert sklearn.__version__ == '1.2.1'")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        assumeTrue(ok, "skipped: " + PYTHON + " has no scikit-learn 1.2.1 (apt-get install python3-sklearn; CI does)");
    }

    @Test
    void scikitLearnLoadsEveryExportAndAnswersAsTheOriginal(@TempDir Path tmp) throws Exception {
        List<String> names = JoblibExportTest.cases().toList();
        var request = JSON.createObjectNode();
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            LoadedModel m = ModelIO.importSklearn(Fixtures.path(name + ".joblib"));
            Path out = tmp.resolve(name + ".joblib");
            JoblibExport.write(out, m.model(), m.metadata());
            files.add(out);
            request.set(out.toString(), Fixtures.expected(name).get("probe"));
        }
        Path req = tmp.resolve("request.json");
        Path res = tmp.resolve("result.json");
        JSON.writeValue(req.toFile(), request);
        Process p = new ProcessBuilder(PYTHON, "-c", SCRIPT, req.toString(), res.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("python did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), log);
        JsonNode result = JSON.readTree(res.toFile());
        for (int i = 0; i < names.size(); i++) {
            JsonNode exp = Fixtures.expected(names.get(i));
            JsonNode got = result.get(files.get(i).toString());
            for (String key : new String[] {"predict", "decision_function", "predict_proba", "transform", "feature_names_in"}) {
                assertEquals(exp.has(key), got.has(key), names.get(i) + " " + key);
                if (exp.has(key)) {
                    assertArrayEquals(flat(exp.get(key)), flat(got.get(key)), names.get(i) + " " + key);
                }
            }
        }
    }

    /** Every leaf as text, numbers in Java's shortest round-trip form (so equal text means equal bits). */
    private static Object[] flat(JsonNode n) {
        List<Object> out = new ArrayList<>();
        walk(n, out);
        return out.toArray();
    }

    private static void walk(JsonNode n, List<Object> out) {
        if (n.isArray()) {
            n.forEach(c -> walk(c, out));
        } else if (n.isNumber()) {
            out.add(n.asDouble());
        } else {
            out.add(n.asText());
        }
    }
}
