package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.modelio.ModelIO;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile model files and names through the command line: one line each, nothing allocated for the attack. */
class HostileModelFileTest {
    @TempDir
    Path dir;

    @Test
    void aTinyFileDeclaringAHugeLinearModelIsRefusedBeforeItIsBuilt() throws Exception {
        Path model = CraftedModels.svc(dir.resolve("crafted.petal"), 100, 1 << 20, "linear", 3);
        assertTrue(Files.size(model) < 4096, "crafted file is " + Files.size(model) + " bytes");
        Path data = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        CliResult r = CliResult.petal("predict", "--model", model.toString(), "--data", data.toString(),
                "--output", dir.resolve("out.csv").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().matches("error: " + java.util.regex.Pattern.quote(model + ": an svc with 100 classes,"
                + " 1048576 features and 0 support vectors needs about 77.3 GiB of memory, more than the ")
                + "[0-9.]+ [KMG]iB Petal allows a loaded model in this JVM \\(a quarter of -Xmx\\); a larger -Xmx"
                + " raises the limit\\.\\R"), r.err());
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void aPolyKernelThatOverflowsIsRefusedAtLoad() throws Exception {
        Path data = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        Path sane = CraftedModels.svc(dir.resolve("sane.petal"), 2, 2, "poly", 3, 1);
        CliResult ok = CliResult.petal("predict", "--model", sane.toString(), "--data", data.toString(),
                "--output", dir.resolve("ok.csv").toString());
        assertEquals(0, ok.code(), ok.err());
        Path model = CraftedModels.svc(dir.resolve("poly.petal"), 2, 2, "poly", Integer.MAX_VALUE, 1);
        CliResult r = CliResult.petal("predict", "--model", model.toString(), "--data", data.toString(),
                "--output", dir.resolve("out.csv").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("error: " + model + ": its svc's decision values are not finite even on its own support vectors"
                + " (kernel poly, degree 2147483647); scikit-learn's fit refuses such a model." + System.lineSeparator(),
                r.err());
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void aFifoGivenAsTheModelIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("model.petal");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        Path data = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        CliResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> CliResult.petal("predict", "--model", fifo.toString(), "--data", data.toString(),
                        "--output", dir.resolve("out.csv").toString()));
        assertEquals(1, r.code(), r.err());
        assertEquals("error: " + fifo + " is not a regular file (a pipe, socket or device); Petal reads model files"
                + " only from regular files." + System.lineSeparator(), r.err());
    }

    @Test
    void aColumnNameLongerThanAModelFileHoldsIsRefusedBeforeTraining() throws Exception {
        String longName = "f".repeat(4097);
        Path train = Files.writeString(dir.resolve("train.csv"), longName + ",b,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n");
        Path model = dir.resolve("m.petal");
        CliResult r = CliResult.petal("train", "--data", train.toString(), "--model", model.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("error: the feature name '" + "f".repeat(60) + "...' (number 1) has 4097 characters; a model file"
                + " holds names of at most 4096." + System.lineSeparator(), r.err());
        assertFalse(Files.exists(model));

        String longest = "g".repeat(4096);
        Files.writeString(train, longest + ",b,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n");
        r = CliResult.petal("train", "--data", train.toString(), "--model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(longest, ModelIO.load(model).metadata().featureNames().get(0));
    }
}
