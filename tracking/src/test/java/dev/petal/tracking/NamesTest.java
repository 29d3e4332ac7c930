package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void runStatusUsesAzureNames() {
        assertEquals("NotStarted", RunStatus.NOT_STARTED.toString());
        assertEquals(RunStatus.CANCELED, RunStatus.parse("Canceled"));
        assertEquals(RunStatus.FINALIZING, RunStatus.parse("FINALIZING"));
        assertTrue(RunStatus.FAILED.isTerminal());
        assertFalse(RunStatus.FINALIZING.isTerminal());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunStatus.parse("Done"));
        assertEquals("unknown run status 'Done'; expected one of NotStarted, Queued, Preparing, Running, Finalizing,"
                + " Completed, Failed, Canceled", e.getMessage());
    }

    @Test
    void computeTargets() {
        assertEquals(ComputeTarget.INPROCESS, ComputeTarget.parse("InProcess"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeTarget.parse("aks"));
        assertEquals("unknown compute target 'aks'; expected local, inprocess, spark:local[N], spark://HOST:PORT"
                + " or the name of a target in the workspace's computes/ folder", e.getMessage());
    }

    @Test
    void environmentValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Environment.defaults().withJvmOptions(List.of("Xmx1g")));
        assertEquals("JVM option 'Xmx1g' must start with '-'", e.getMessage());
        assertEquals(Map.of("A", "1"), Environment.defaults().withVariables(Map.of("A", "1")).variables());
    }

    @Test
    void runIdsEncodeTheExperiment() {
        String id = Run.newId("Tutorial-TrainIRIS");
        assertTrue(id.matches("Tutorial-TrainIRIS_\\d{13}_[0-9a-f]{8}"), id);
        assertEquals("Tutorial-TrainIRIS", Run.experimentOf(id));
        assertEquals("hd_sweep_01", Run.experimentOf("hd_sweep_01_1795819662013_444f1c11"));
    }
}
