package dev.petal.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SweepDriverTest {

    /** A scripted child: each state poll reveals {@code perPoll} more values; it completes after the last one. */
    static final class FakeTrial implements Trial {
        final String id;
        final double[] values;
        final int perPoll;
        int visible;
        boolean canceled;
        boolean completed;

        FakeTrial(String id, int perPoll, double... values) {
            this.id = id;
            this.values = values;
            this.perPoll = perPoll;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Double> primaryMetricValues() {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < visible; i++) {
                out.add(values[i]);
            }
            return out;
        }

        @Override
        public TrialState state() {
            if (canceled) {
                return TrialState.CANCELED;
            }
            if (visible == values.length) {
                completed = true;
                return TrialState.COMPLETED;
            }
            visible = Math.min(values.length, visible + perPoll);
            return TrialState.RUNNING;
        }

        boolean finished() {
            return canceled || completed;
        }

        @Override
        public void cancel() {
            canceled = true;
        }
    }

    /** Launches fake trials and records the largest number unfinished at once. */
    static final class Launcher implements TrialLauncher {
        final List<FakeTrial> trials = new ArrayList<>();
        final List<Hyperparameters> configs = new ArrayList<>();
        final Function<Hyperparameters, FakeTrial> make;
        int maxUnfinished;

        Launcher(Function<Hyperparameters, FakeTrial> make) {
            this.make = make;
        }

        @Override
        public Trial launch(int index, Hyperparameters h) {
            assertEquals(trials.size(), index);
            FakeTrial t = make.apply(h);
            trials.add(t);
            configs.add(h);
            maxUnfinished = Math.max(maxUnfinished, (int) trials.stream().filter(x -> !x.finished()).count());
            return t;
        }
    }

    private static SweepDriver driver(ParameterSampling s, EarlyTerminationPolicy p, int total, int concurrent) {
        return new SweepDriver(s, p, PrimaryMetricGoal.MAXIMIZE, total, concurrent, Duration.ofHours(1), Duration.ZERO);
    }

    @Test
    void keepsAtMostMaxConcurrentRunsAndStartsTheWholeGridInOrder() throws Exception {
        GridParameterSampling grid = new GridParameterSampling(SamplingTest.NOTEBOOK);
        int[] n = {0};
        Launcher l = new Launcher(h -> new FakeTrial("c" + n[0]++, 1, 0.1, 0.2, 0.3));
        List<TrialRecord> records = driver(grid, EarlyTerminationPolicy.none(), 12, 4).run(l);
        assertEquals(12, records.size());
        assertEquals(grid.combinations(), l.configs);
        assertEquals(4, l.maxUnfinished);
        for (TrialRecord r : records) {
            assertEquals(TrialState.COMPLETED, r.trial().state());
            assertFalse(r.cutByPolicy());
        }
    }

    @Test
    void aResumedGridRerunsCanceledChildrenThenSamplesWhatTheFirstSweepWouldHave() throws Exception {
        GridParameterSampling grid = new GridParameterSampling(SamplingTest.NOTEBOOK);
        List<Hyperparameters> all = grid.combinations();
        FakeTrial done0 = new FakeTrial("old0", 1, 0.5);
        FakeTrial done2 = new FakeTrial("old2", 1, 0.7);
        while (done0.state() != TrialState.COMPLETED || done2.state() != TrialState.COMPLETED) {
            // reveal their values
        }
        List<PriorTrial> prior = List.of(new PriorTrial(0, all.get(0), done0), new PriorTrial(1, all.get(1), null),
                new PriorTrial(2, all.get(2), done2), new PriorTrial(3, all.get(3), null));
        List<Integer> indexes = new ArrayList<>();
        List<Hyperparameters> launched = new ArrayList<>();
        int[] n = {0};
        TrialLauncher l = (index, h) -> {
            indexes.add(index);
            launched.add(h);
            return new FakeTrial("new" + n[0]++, 1, 0.6);
        };
        List<TrialRecord> records = driver(grid, EarlyTerminationPolicy.none(), 12, 2).run(l, r -> { }, prior);
        assertEquals(List.of(1, 3, 4, 5, 6, 7, 8, 9, 10, 11), indexes);
        List<Hyperparameters> expected = new ArrayList<>(List.of(all.get(1), all.get(3)));
        expected.addAll(all.subList(4, 12));
        assertEquals(expected, launched);
        assertEquals(12, records.size());
        assertEquals("old0", records.get(0).trial().id());
        assertEquals("old2", records.get(1).trial().id());
    }

    @Test
    void stopsWhenTheGridIsExhaustedOrTheBudgetIsSpent() throws Exception {
        GridParameterSampling grid = new GridParameterSampling(SamplingTest.NOTEBOOK);
        int[] n = {0};
        Launcher small = new Launcher(h -> new FakeTrial("c" + n[0]++, 1, 0.5));
        assertEquals(2, driver(grid, EarlyTerminationPolicy.none(), 2, 4).run(small).size());
        assertEquals(grid.combinations().subList(0, 2), small.configs);
        Launcher big = new Launcher(h -> new FakeTrial("d" + n[0]++, 1, 0.5));
        assertEquals(12, driver(grid, EarlyTerminationPolicy.none(), 1000, 100).run(big).size());
        assertEquals(12, big.maxUnfinished);
    }

    @Test
    void appliesThePolicyAtEveryIntervalEvenWhenSeveralValuesArriveBetweenPolls() throws Exception {
        SearchSpace space = SearchSpace.of("k", ExpressionParser.parse("choice(good, late)"));
        Launcher l = new Launcher(h -> h.get("k").text().equals("good")
                ? new FakeTrial("good", 1, 0.9, 0.9, 0.9)
                : new FakeTrial("late", 3, 0.1, 0.95, 0.95));
        List<TrialRecord> records = driver(new GridParameterSampling(space), BanditPolicy.slackFactor(0.1, 1, 0), 2, 1).run(l);
        // "late" logged 0.1, 0.95, 0.95 between two polls: judged at interval 1 it is far behind 0.9 and is cut there.
        assertEquals(1, records.get(1).cutAtInterval());
        assertEquals(TrialState.CANCELED, records.get(1).trial().state());
        assertEquals(0, records.get(0).cutAtInterval());
    }

    @Test
    void policyDelayLetsAStrongLateStarterLive() throws Exception {
        SearchSpace space = SearchSpace.of("k", ExpressionParser.parse("choice(good, late)"));
        Launcher l = new Launcher(h -> h.get("k").text().equals("good")
                ? new FakeTrial("good", 1, 0.9, 0.9, 0.9)
                : new FakeTrial("late", 1, 0.1, 0.95, 0.95));
        List<TrialRecord> records = driver(new GridParameterSampling(space), BanditPolicy.slackFactor(0.1, 1, 2), 2, 1).run(l);
        assertFalse(records.get(1).cutByPolicy());
        assertEquals(TrialState.COMPLETED, records.get(1).trial().state());
    }

    @Test
    void theTimeLimitCancelsRunningChildrenAndStartsNoMore() throws Exception {
        AtomicLong now = new AtomicLong();
        int[] n = {0};
        Launcher l = new Launcher(h -> new FakeTrial("c" + n[0]++, 1, new double[100]));
        SweepDriver d = new SweepDriver(new GridParameterSampling(SamplingTest.NOTEBOOK), EarlyTerminationPolicy.none(),
                PrimaryMetricGoal.MAXIMIZE, 12, 3, Duration.ofSeconds(10), Duration.ZERO, () -> now.getAndAdd(1_000_000_000L));
        List<TrialRecord> records = d.run(l);
        assertEquals(3, records.size());
        for (TrialRecord r : records) {
            assertEquals(TrialState.CANCELED, r.trial().state());
        }
    }

    @Test
    void aCanceledSweepStartsNothing() throws Exception {
        SweepDriver d = driver(new GridParameterSampling(SamplingTest.NOTEBOOK), EarlyTerminationPolicy.none(), 12, 4);
        d.cancel();
        Launcher l = new Launcher(h -> new FakeTrial("x", 1, 0.5));
        assertTrue(d.run(l).isEmpty());
        assertTrue(d.isCancelRequested());
    }

    @Test
    void bayesianSamplingLearnsFromFinishedChildren() throws Exception {
        SearchSpace space = SearchSpace.of("x", new ParameterExpression.Uniform(0, 1));
        int[] n = {0};
        Launcher l = new Launcher(h -> {
            double x = h.get("x").asDouble();
            return new FakeTrial("t" + n[0]++, 1, -(x - 0.3) * (x - 0.3));
        });
        driver(new BayesianParameterSampling(space, 5), EarlyTerminationPolicy.none(), 15, 1).run(l);
        double best = l.configs.stream().mapToDouble(h -> -Math.abs(h.get("x").asDouble() - 0.3)).max().orElseThrow();
        assertTrue(best > -0.01, "closest x to the optimum 0.3 is " + (0.3 - best));
    }
}
