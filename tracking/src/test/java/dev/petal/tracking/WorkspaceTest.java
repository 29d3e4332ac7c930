package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void fromConfigFindsTheNearestConfigUpward() throws Exception {
        Workspace created = Workspace.at(dir.resolve("project/.petal"));
        Path deep = Files.createDirectories(dir.resolve("project/src/main/java"));
        Workspace found = Workspace.fromConfig(deep);
        assertEquals(created, found);
        assertEquals("project", found.name());
        assertTrue(Files.isRegularFile(found.root().resolve("config.json")));
        assertTrue(Files.isDirectory(found.experimentsDir()));
        assertTrue(Files.isDirectory(found.modelsDir()));
    }

    @Test
    void findCreatesNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing-here"));
        assertTrue(Workspace.find(empty).isEmpty());
        assertTrue(Files.notExists(empty.resolve(".petal")));
        Workspace ws = Workspace.fromConfig(empty);
        assertEquals(ws, Workspace.find(empty.resolve("..").resolve("nothing-here")).orElseThrow());
    }

    @Test
    void fromConfigCreatesTheLayoutWhereNoneExists() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("fresh"));
        Workspace ws = Workspace.fromConfig(empty);
        assertEquals(empty.resolve(".petal"), ws.root());
        assertTrue(Files.isRegularFile(empty.resolve(".petal/config.json")));
    }

    @Test
    void atAcceptsTheProjectFolderOfAWorkspace() {
        Workspace ws = Workspace.at(dir.resolve("p/.petal"));
        assertEquals(ws, Workspace.at(dir.resolve("p")));
        Workspace custom = Workspace.at(dir.resolve("runs-here"));
        assertEquals(dir.resolve("runs-here"), custom.root());
        assertEquals("runs-here", custom.name());
    }

    @Test
    void experimentNamesFollowAzureRules() {
        Workspace ws = Workspace.at(dir);
        for (String bad : new String[] {"ab", "-abc", "has space", "a".repeat(37), "dots.not.allowed"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Experiment(ws, bad));
            assertEquals("experiment name '" + bad + "' is invalid: it must be 3-36 characters long, start with a"
                    + " letter or a digit, and contain only letters, digits, '_' and '-'", e.getMessage());
        }
        new Experiment(ws, "Tutorial-TrainIRIS");
        new Experiment(ws, "hd_sweep_01");
        assertEquals(List.of("Tutorial-TrainIRIS", "hd_sweep_01"),
                ws.experiments().stream().map(Experiment::name).toList());
    }

    @Test
    void getRunNamesAMissingRun() {
        Workspace ws = Workspace.at(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ws.getRun("Nope_1_abc"));
        assertEquals("no run 'Nope_1_abc' in workspace " + ws.root(), e.getMessage());
    }

    @Test
    void aDeadOwnerProcessReadsAsFailed() throws Exception {
        Experiment exp = new Experiment(Workspace.at(dir), "crashes");
        Run run = exp.startLogging();
        run.log("before", 1);
        // pretend the run belongs to a process that no longer exists
        RunStore.update(run.folder(), n -> n.put("pid", Long.MAX_VALUE / 3));
        Liveness.release(run.folder());
        assertEquals(RunStatus.FAILED, run.getStatus());
        assertEquals("the process that ran this run (pid " + Long.MAX_VALUE / 3 + " on " + Liveness.HOST
                + ") ended without finishing it", run.getDetails().error());
        assertEquals(List.of(1.0), List.of(run.getMetrics().get("before")));
    }

    @Test
    void aTornMetricLineFromAKilledWriterIsSkippedAndLaterValuesSurvive() throws Exception {
        Run run = new Experiment(Workspace.at(dir), "torn").startLogging();
        run.log("a", 1);
        Files.writeString(run.folder().resolve("metrics.jsonl"), "{\"name\":\"a\",\"ty",
                java.nio.file.StandardOpenOption.APPEND);
        run.log("a", 2);
        run.log("a", 3);
        assertEquals(List.of(1.0, 2.0, 3.0), run.getMetrics().get("a"));
        run.complete();
    }
}
