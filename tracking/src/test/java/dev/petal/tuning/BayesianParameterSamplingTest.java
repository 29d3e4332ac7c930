package dev.petal.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BayesianParameterSamplingTest {
    /** Branin-Hoo on [-5, 10] x [0, 15]; global minimum 0.397887 at three points. */
    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    private static final SearchSpace BRANIN = SearchSpace.of("x1", new ParameterExpression.Uniform(-5, 10))
            .and("x2", new ParameterExpression.Uniform(0, 15));

    /** Runs a sequential sweep of {@code budget} trials and returns the best (smallest) Branin value found. */
    static double sweep(ParameterSampling sampling, int budget) {
        Sampler s = sampling.sampler(PrimaryMetricGoal.MINIMIZE);
        List<Observation> done = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < budget; i++) {
            Hyperparameters h = s.next(done, List.of()).orElseThrow();
            double y = branin(h.get("x1").asDouble(), h.get("x2").asDouble());
            done.add(new Observation(h, y));
            best = Math.min(best, y);
        }
        return best;
    }

    @Test
    void beatsRandomSamplingOnBraninWithTheSameBudget() {
        int budget = 30;
        double bayesSum = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double bayes = sweep(new BayesianParameterSampling(BRANIN, seed), budget);
            double random = sweep(new RandomParameterSampling(BRANIN, seed), budget);
            assertTrue(bayes < random, "seed " + seed + ": bayesian " + bayes + " vs random " + random);
            bayesSum += bayes;
        }
        // The global minimum is 0.397887; 30 random draws land around 1 to 3 on average.
        assertTrue(bayesSum / 5 < 0.75, "mean best of bayesian sampling " + bayesSum / 5);
    }

    @Test
    void maximizesAQuadraticOverChoiceUniformAndQuniform() {
        SearchSpace space = SearchSpace.of("kernel", ExpressionParser.parse("choice(linear, rbf, poly)"))
                .and("c", new ParameterExpression.Uniform(0, 10))
                .and("n", new ParameterExpression.QUniform(1, 20, 1));
        double bayes = maximizeQuadratic(new BayesianParameterSampling(space, 7));
        double random = maximizeQuadratic(new RandomParameterSampling(space, 7));
        assertTrue(bayes > -0.5, "best " + bayes + " should be near the optimum 0 (rbf, c = 7.3, n = 12)");
        assertTrue(bayes > random, "bayesian " + bayes + " vs random " + random);
    }

    private static double maximizeQuadratic(ParameterSampling sampling) {
        Sampler s = sampling.sampler(PrimaryMetricGoal.MAXIMIZE);
        List<Observation> done = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 40; i++) {
            Hyperparameters h = s.next(done, List.of()).orElseThrow();
            assertTrue(h.get("n") instanceof ParameterValue.Int, "quniform with q = 1 gives integers: " + h);
            double bonus = h.get("kernel").text().equals("rbf") ? 0 : -3;
            double y = bonus - Math.pow(h.get("c").asDouble() - 7.3, 2) - Math.pow(h.get("n").asDouble() - 12, 2) / 10;
            done.add(new Observation(h, y));
            best = Math.max(best, y);
        }
        return best;
    }

    @Test
    void concurrentProposalsDifferFromPendingOnes() {
        Sampler s = new BayesianParameterSampling(BRANIN, 3).sampler(PrimaryMetricGoal.MINIMIZE);
        List<Observation> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Hyperparameters h = s.next(done, List.of()).orElseThrow();
            done.add(new Observation(h, branin(h.get("x1").asDouble(), h.get("x2").asDouble())));
        }
        List<Hyperparameters> pending = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pending.add(s.next(done, pending).orElseThrow());
        }
        assertEquals(4, new HashSet<>(pending).size());
        for (Hyperparameters p : pending) {
            assertFalse(done.stream().anyMatch(o -> o.hyperparameters().equals(p)));
        }
    }

    @Test
    void ignoresTrialsWithoutAMetricAndNeverRepeatsAFiniteSpaceEarly() {
        SearchSpace space = SearchSpace.of("a", ExpressionParser.parse("choice(1, 2, 3)"))
                .and("b", ExpressionParser.parse("choice(x, y)"));
        Sampler s = new BayesianParameterSampling(space, 11).sampler(PrimaryMetricGoal.MAXIMIZE);
        List<Observation> done = new ArrayList<>();
        Set<Hyperparameters> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Hyperparameters h = s.next(done, List.of()).orElseThrow();
            assertTrue(seen.add(h), "proposal " + i + " repeats " + h);
            done.add(new Observation(h, i == 0 ? Double.NaN : h.get("a").asDouble()));
        }
        assertEquals(6, seen.size());
    }

    @Test
    void largeHistoriesAreThinnedButStillLeadToTheOptimum() {
        SearchSpace space = SearchSpace.of("x", new ParameterExpression.Uniform(0, 1));
        java.util.Random rng = new java.util.Random(1);
        List<Observation> done = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double x = rng.nextDouble();
            done.add(new Observation(new Hyperparameters(java.util.Map.of("x", ParameterValue.of(x))), (x - 0.62) * (x - 0.62)));
        }
        Hyperparameters next = new BayesianParameterSampling(space, 2).sampler(PrimaryMetricGoal.MINIMIZE)
                .next(done, List.of()).orElseThrow();
        assertEquals(0.62, next.get("x").asDouble(), 0.02);
    }

    @Test
    void refusesExpressionsAzureDoesNotAllow() {
        SearchSpace space = SearchSpace.of("lr", ExpressionParser.parse("loguniform(-6, -1)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BayesianParameterSampling(space, 0));
        assertEquals("Bayesian sampling supports only choice, uniform and quniform expressions;"
                + " hyperparameter 'lr' is loguniform(-6.0, -1.0).", e.getMessage());
        assertFalse(new BayesianParameterSampling(BRANIN, 0).supportsEarlyTermination());
    }
}
