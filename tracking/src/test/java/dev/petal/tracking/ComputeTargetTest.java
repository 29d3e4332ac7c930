package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeTargetTest {
    @TempDir
    Path dir;

    @Test
    void parsesSparkMasters() {
        ComputeTarget t = ComputeTarget.parse("spark:local[2]");
        assertTrue(t.isSpark());
        assertEquals("local[2]", t.sparkMaster());
        assertEquals("spark:local[2]", t.id());
        assertEquals("spark://127.0.0.1:7077", ComputeTarget.parse("spark://127.0.0.1:7077").sparkMaster());
        assertEquals("spark:spark://127.0.0.1:7077", ComputeTarget.parse("spark://127.0.0.1:7077").id());
        assertEquals("local[*]", ComputeTarget.parse("spark:local[*]").sparkMaster());
        assertSame(ComputeTarget.LOCAL, ComputeTarget.parse("LOCAL"));
        assertFalse(ComputeTarget.LOCAL.isSpark());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeTarget.parse("spark:yarn"));
        assertEquals("Spark master 'yarn' is invalid; expected local[N], local[*] or spark://HOST:PORT", e.getMessage());
    }

    @Test
    void namedTargetsLiveInTheWorkspace() throws Exception {
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        ComputeTarget.save(ws, "my-cluster", ComputeTarget.spark("spark://127.0.0.1:7077",
                Map.of("spark.executor.memory", "512m")));
        ComputeTarget t = ComputeTarget.resolve("my-cluster", ws);
        assertEquals("spark://127.0.0.1:7077", t.sparkMaster());
        assertEquals(Map.of("spark.executor.memory", "512m"), t.sparkConf());
        assertEquals("my-cluster", t.name());
        assertSame(ComputeTarget.INPROCESS, ComputeTarget.resolve("inprocess", ws));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeTarget.resolve("nope", ws));
        assertEquals("unknown compute target 'nope': no " + ws.root().resolve("computes/nope.json")
                + "; expected local, inprocess, spark:local[N], spark://HOST:PORT or the name of a target in the"
                + " workspace's computes/ folder", e.getMessage());
        Files.writeString(ws.root().resolve("computes/bad.json"), "{\"type\": \"spark\"}");
        e = assertThrows(IllegalArgumentException.class, () -> ComputeTarget.resolve("bad", ws));
        assertEquals("compute target " + ws.root().resolve("computes/bad.json") + " has no \"master\" (such as"
                + " \"spark://127.0.0.1:7077\" or \"local[2]\")", e.getMessage());
    }

    @Test
    void aSparkRunNeedsTheSparkModule() throws Exception {
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        ScriptRunConfig c = ScriptRunConfig.mainClass("dev.petal.examples.TrainIris", List.of())
                .withComputeTarget(ComputeTarget.parse("spark:local[2]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Experiment(ws, "spark-test").submit(c));
        assertEquals("compute target spark:local[2] needs the petal-spark module on the class path (the petal"
                + " command starts a Spark driver JVM with it)", e.getMessage());
    }
}
