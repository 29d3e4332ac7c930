package dev.petal.tuning;

import static dev.petal.tuning.PrimaryMetricGoal.MAXIMIZE;
import static dev.petal.tuning.PrimaryMetricGoal.MINIMIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EarlyTerminationPolicyTest {

    private static MetricStreams streams(Object... runAndValues) {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        for (int i = 0; i < runAndValues.length; i += 2) {
            List<Double> v = new ArrayList<>();
            for (double d : (double[]) runAndValues[i + 1]) {
                v.add(d);
            }
            m.put((String) runAndValues[i], v);
        }
        return MetricStreams.of(m);
    }

    private static double[] v(double... values) {
        return values;
    }

    private static double[] ramp(int n, double last) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = last * (i + 1) / n;
        }
        return out;
    }

    @Test
    void scheduleAppliesAtMultiplesOfTheIntervalFromTheDelayOn() {
        EarlyTerminationPolicy p = new MedianStoppingPolicy(2, 5);
        List<Integer> applied = new ArrayList<>();
        for (int n = 0; n <= 12; n++) {
            if (p.appliesAt(n)) {
                applied.add(n);
            }
        }
        assertEquals(List.of(6, 8, 10, 12), applied);
        assertTrue(new MedianStoppingPolicy(1, 0).appliesAt(1));
        assertFalse(new MedianStoppingPolicy(1, 0).appliesAt(0));
    }

    @Test
    void banditFollowsAzuresSlackFactorExample() {
        // Azure: best run reports 0.8 at interval 10, slack_factor 0.2 -> runs whose best is below 0.8/1.2 = 0.667 are cut.
        BanditPolicy p = BanditPolicy.slackFactor(0.2, 10, 0);
        MetricStreams s = streams("best", ramp(10, 0.8), "low", ramp(10, 0.66), "ok", ramp(10, 0.67));
        assertTrue(p.shouldTerminate("low", s, MAXIMIZE));
        assertFalse(p.shouldTerminate("ok", s, MAXIMIZE));
        assertFalse(p.shouldTerminate("best", s, MAXIMIZE));
        // At interval 9 the policy is not applied (interval 10), however bad the run is.
        MetricStreams early = streams("best", ramp(10, 0.8), "low", ramp(9, 0.1));
        assertFalse(p.shouldTerminate("low", early, MAXIMIZE));
    }

    @Test
    void banditDelaysItsFirstEvaluation() {
        // Azure's example: BanditPolicy(slack_factor=0.1, evaluation_interval=1, delay_evaluation=5).
        BanditPolicy p = BanditPolicy.slackFactor(0.1, 1, 5);
        double[] best = v(0.5, 0.6, 0.7, 0.8, 0.9, 0.9);
        for (int n = 1; n <= 4; n++) {
            double[] weak = new double[n];
            java.util.Arrays.fill(weak, 0.1);
            assertFalse(p.shouldTerminate("weak", streams("best", best, "weak", weak), MAXIMIZE), "interval " + n);
        }
        // At interval 5 the best run's best up to 5 is 0.9: 0.9/1.1 = 0.818; 0.81 is cut, 0.82 is kept.
        assertTrue(p.shouldTerminate("weak", streams("best", best, "weak", v(0.1, 0.2, 0.3, 0.81, 0.5)), MAXIMIZE));
        assertFalse(p.shouldTerminate("weak", streams("best", best, "weak", v(0.1, 0.2, 0.3, 0.82, 0.5)), MAXIMIZE));
    }

    @Test
    void banditComparesAYoungRunWithWhatOthersHadAtTheSameInterval() {
        BanditPolicy p = BanditPolicy.slackAmount(0.05, 1, 0);
        // "old" reached 0.9 only at interval 6; at interval 3 its best was 0.5.
        MetricStreams s = streams("old", v(0.3, 0.4, 0.5, 0.6, 0.7, 0.9), "young", v(0.2, 0.3, 0.46));
        assertFalse(p.shouldTerminate("young", s, MAXIMIZE));
        assertTrue(p.shouldTerminate("young", streams("old", v(0.3, 0.4, 0.5, 0.6), "young", v(0.2, 0.3, 0.44)), MAXIMIZE));
    }

    @Test
    void banditMinimizes() {
        // Minimize: best 0.5, slack_factor 0.2 -> cut above 0.6; slack_amount 0.1 -> cut above 0.6.
        MetricStreams s = streams("best", v(0.9, 0.5), "a", v(0.7, 0.61), "b", v(0.7, 0.59));
        assertTrue(BanditPolicy.slackFactor(0.2, 1, 0).shouldTerminate("a", s, MINIMIZE));
        assertFalse(BanditPolicy.slackFactor(0.2, 1, 0).shouldTerminate("b", s, MINIMIZE));
        assertTrue(BanditPolicy.slackAmount(0.1, 1, 0).shouldTerminate("a", s, MINIMIZE));
        assertFalse(BanditPolicy.slackAmount(0.1, 1, 0).shouldTerminate("b", s, MINIMIZE));
    }

    @Test
    void medianStopsRunsWorseThanTheMedianOfRunningAverages() {
        // Azure's example: MedianStoppingPolicy(evaluation_interval=1, delay_evaluation=5): at interval 5 a run is
        // stopped if its best is worse than the median of the running averages over intervals 1:5 of all runs.
        MedianStoppingPolicy p = new MedianStoppingPolicy(1, 5);
        double[] a = v(0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 0.99);   // average over 1:5 = 0.70 (later values ignored)
        double[] b = v(0.4, 0.5, 0.6, 0.6, 0.6, 0.6);          // 0.54, best 0.6
        double[] c = v(0.2, 0.3, 0.3, 0.4, 0.45);              // 0.33, best 0.45
        MetricStreams s = streams("a", a, "b", b, "c", c);
        // averages {0.33, 0.54, 0.70}: median 0.54.
        assertTrue(p.shouldTerminate("c", s, MAXIMIZE));
        MetricStreams atFour = streams("a", a, "b", b, "c", v(0.2, 0.3, 0.3, 0.4));
        assertFalse(p.shouldTerminate("c", atFour, MAXIMIZE), "no evaluation before interval 5");
        // The judged run counts among all runs, so a fourth run moves the median: with averages
        // {0.33, 0.47, 0.54, 0.70} the median is 0.505 and a best of 0.55 is kept; with averages
        // {0.33, 0.458, 0.54, 0.70} the median is 0.499 and a best of 0.49 is cut.
        assertFalse(p.shouldTerminate("d", streams("a", a, "b", b, "c", c, "d", v(0.4, 0.45, 0.45, 0.5, 0.55)), MAXIMIZE));
        assertTrue(p.shouldTerminate("d", streams("a", a, "b", b, "c", c, "d", v(0.45, 0.45, 0.45, 0.45, 0.49)), MAXIMIZE));
    }

    @Test
    void medianMinimizes() {
        MedianStoppingPolicy p = new MedianStoppingPolicy(1, 0);
        MetricStreams s = streams("a", v(1.0, 0.5), "b", v(2.0, 1.9), "c", v(3.0, 1.2));
        // averages {0.75, 1.95, 2.1}: median 1.95; b's best 1.9 is better (lower) -> kept; c's best 1.2 -> kept.
        assertFalse(p.shouldTerminate("b", s, MINIMIZE));
        assertTrue(p.shouldTerminate("b", streams("a", v(1.0, 0.5), "b", v(2.0, 2.0), "c", v(0.9, 0.8)), MINIMIZE));
    }

    @Test
    void truncationCutsTheLowestPercentageAtTheInterval() {
        // Azure's example: TruncationSelectionPolicy(evaluation_interval=1, truncation_percentage=20, delay_evaluation=5):
        // a run is cut at interval 5 if its performance there is in the lowest 20% of all runs at interval 5.
        TruncationSelectionPolicy p = new TruncationSelectionPolicy(20, 1, 5, false);
        Map<String, double[]> five = new LinkedHashMap<>();
        five.put("r1", ramp(5, 0.9));
        five.put("r2", ramp(5, 0.8));
        five.put("r3", ramp(5, 0.7));
        five.put("r4", ramp(5, 0.6));
        five.put("r5", ramp(5, 0.5));
        MetricStreams s = of(five);
        // 5 runs, 20% -> exactly one (the lowest) is cut.
        assertTrue(p.shouldTerminate("r5", s, MAXIMIZE));
        for (String r : List.of("r1", "r2", "r3", "r4")) {
            assertFalse(p.shouldTerminate(r, s, MAXIMIZE), r);
        }
        assertTrue(p.shouldTerminate("r1", s, MINIMIZE), "minimize: the largest is the lowest performer");
        // Only 4 runs reached interval 5: floor(4 * 20 / 100) = 0 -> none cut.
        five.remove("r1");
        assertFalse(p.shouldTerminate("r5", of(five), MAXIMIZE));
        // Before the delay nothing is cut.
        assertFalse(p.shouldTerminate("x", streams("a", ramp(4, 0.9), "b", ramp(4, 0.8), "c", ramp(4, 0.7),
                "d", ramp(4, 0.6), "x", ramp(4, 0.1)), MAXIMIZE));
    }

    @Test
    void truncationRanksAYoungRunAgainstOlderRunsAtTheSameInterval() {
        TruncationSelectionPolicy p = new TruncationSelectionPolicy(50, 1, 0, false);
        // At interval 2 the old runs had 0.2 and 0.3; the young run's 0.25 is not in the lowest 50% of three runs
        // (floor(3 * 0.5) = 1 cut: the run with 0.2 would be), even though the old runs later reached 0.9.
        MetricStreams s = streams("old1", v(0.1, 0.2, 0.9), "old2", v(0.2, 0.3, 0.9), "young", v(0.1, 0.25));
        assertFalse(p.shouldTerminate("young", s, MAXIMIZE));
        assertTrue(p.shouldTerminate("young", streams("old1", v(0.1, 0.2, 0.9), "old2", v(0.2, 0.3, 0.9),
                "young", v(0.1, 0.15)), MAXIMIZE));
    }

    @Test
    void truncationCanExcludeFinishedJobs() {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("done", List.of(0.95));
        m.put("a", List.of(0.9));
        m.put("b", List.of(0.8));
        m.put("c", List.of(0.7));
        m.put("x", List.of(0.1));
        MetricStreams s = new MetricStreams(m, Set.of("done"));
        assertTrue(new TruncationSelectionPolicy(20, 1, 0, false).shouldTerminate("x", s, MAXIMIZE));
        assertFalse(new TruncationSelectionPolicy(20, 1, 0, true).shouldTerminate("x", s, MAXIMIZE));
    }

    @Test
    void truncationResolvesTiesInTheRunsFavour() {
        TruncationSelectionPolicy p = new TruncationSelectionPolicy(40, 1, 0, false);
        MetricStreams s = streams("a", v(0.5), "b", v(0.5), "c", v(0.5), "d", v(0.5), "e", v(0.5));
        assertFalse(p.shouldTerminate("e", s, MAXIMIZE));
    }

    @Test
    void noPolicyNeverCuts() {
        assertFalse(EarlyTerminationPolicy.none().shouldTerminate("x", streams("a", v(1), "x", v(0)), MAXIMIZE));
    }

    @Test
    void invalidSettingsAreRefusedWithScikitLearnStyleMessages() {
        assertEquals("The 'slack_factor' parameter of BanditPolicy must be a float in the range [0.0, inf). Got -0.1 instead.",
                assertThrows(IllegalArgumentException.class, () -> BanditPolicy.slackFactor(-0.1, 1, 0)).getMessage());
        assertEquals("The 'evaluation_interval' parameter of MedianStoppingPolicy must be an int in the range [1, inf). Got 0 instead.",
                assertThrows(IllegalArgumentException.class, () -> new MedianStoppingPolicy(0, 0)).getMessage());
        assertEquals("The 'delay_evaluation' parameter of BanditPolicy must be an int in the range [0, inf). Got -1 instead.",
                assertThrows(IllegalArgumentException.class, () -> BanditPolicy.slackAmount(0.1, 1, -1)).getMessage());
        assertEquals("The 'truncation_percentage' parameter of TruncationSelectionPolicy must be an int in the range [1, 99]."
                + " Got 100 instead.",
                assertThrows(IllegalArgumentException.class, () -> new TruncationSelectionPolicy(100, 1, 0, false)).getMessage());
    }

    private static MetricStreams of(Map<String, double[]> m) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        m.forEach((k, arr) -> {
            List<Double> l = new ArrayList<>();
            for (double d : arr) {
                l.add(d);
            }
            out.put(k, l);
        });
        return MetricStreams.of(out);
    }
}
