package dev.petal.tuning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.special.Erf;

/**
 * The sampler behind {@link BayesianParameterSampling}. The first {@code 2 d + 1} proposals
 * ({@code d} hyperparameters, at least 3) are random; after that each proposal maximizes the
 * expected improvement (Jones, Schonlau &amp; Welch 1998) of a {@link GaussianProcess} fitted to the
 * finished trials, with still-running trials filled in by the model's own mean (the "kriging
 * believer" heuristic), so concurrent proposals spread out. The acquisition is maximized over
 * random candidates plus local perturbations of the best points found so far. Continuous values
 * are scaled to [0, 1]; a choice is one-hot, scaled so that changing it counts like crossing a
 * whole continuous range.
 */
final class BayesianSampler implements Sampler {
    private static final int RANDOM_CANDIDATES = 1500;
    private static final int LOCAL_CANDIDATES = 60;
    private static final int LOCAL_CENTRES = 5;
    private static final double XI = 0.01;

    private final SearchSpace space;
    private final PrimaryMetricGoal goal;
    private final Random rng;
    private final int initialRandom;

    BayesianSampler(SearchSpace space, long seed, PrimaryMetricGoal goal) {
        this.space = Objects.requireNonNull(space, "space");
        this.goal = Objects.requireNonNull(goal, "goal");
        this.rng = new Random(seed);
        this.initialRandom = Math.max(3, 2 * space.size() + 1);
    }

    @Override
    public Optional<Hyperparameters> next(List<Observation> finished, List<Hyperparameters> pending) {
        Set<Hyperparameters> seen = new HashSet<>(pending);
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Observation o : finished) {
            seen.add(o.hyperparameters());
            if (o.hasValue()) {
                xs.add(encode(o.hyperparameters()));
                ys.add(goal.toMaximize(o.value()));
            }
        }
        if (finished.size() + pending.size() < initialRandom || xs.size() < 2) {
            return Optional.of(unseenRandom(seen));
        }
        GaussianProcess gp = GaussianProcess.fit(xs.toArray(double[][]::new), unbox(ys));
        if (!pending.isEmpty()) {
            for (Hyperparameters p : pending) {
                double[] e = encode(p);
                xs.add(e);
                ys.add(gp.predict(e)[0]);
            }
            gp = GaussianProcess.fit(xs.toArray(double[][]::new), unbox(ys));
        }
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        for (double y : ys) {
            best = Math.max(best, y);
            worst = Math.min(worst, y);
        }
        double xi = XI * (best - worst);
        List<Hyperparameters> candidates = candidates(finished);
        Hyperparameters chosen = null;
        double chosenEi = Double.NEGATIVE_INFINITY;
        for (Hyperparameters c : candidates) {
            if (seen.contains(c)) {
                continue;
            }
            double ei = expectedImprovement(gp.predict(encode(c)), best, xi);
            if (ei > chosenEi) {
                chosenEi = ei;
                chosen = c;
            }
        }
        return Optional.of(chosen != null ? chosen : unseenRandom(seen));
    }

    /** Expected improvement over {@code best + xi} of a prediction {mean, std}, in maximize orientation. */
    static double expectedImprovement(double[] prediction, double best, double xi) {
        double sigma = prediction[1];
        double improvement = prediction[0] - best - xi;
        if (sigma <= 1e-12) {
            return Math.max(improvement, 0);
        }
        double z = improvement / sigma;
        double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return improvement * cdf + sigma * pdf;
    }

    private List<Hyperparameters> candidates(List<Observation> finished) {
        List<Hyperparameters> out = new ArrayList<>(RANDOM_CANDIDATES + LOCAL_CENTRES * LOCAL_CANDIDATES);
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            out.add(RandomParameterSampling.draw(space, rng));
        }
        List<Observation> ranked = new ArrayList<>();
        for (Observation o : finished) {
            if (o.hasValue()) {
                ranked.add(o);
            }
        }
        ranked.sort((a, b) -> Double.compare(goal.toMaximize(b.value()), goal.toMaximize(a.value())));
        for (int c = 0; c < Math.min(LOCAL_CENTRES, ranked.size()); c++) {
            double width = 0.02 + 0.08 * rng.nextDouble();
            for (int i = 0; i < LOCAL_CANDIDATES; i++) {
                out.add(perturb(ranked.get(c).hyperparameters(), width));
            }
        }
        return out;
    }

    private Hyperparameters perturb(Hyperparameters centre, double width) {
        Map<String, ParameterValue> m = new LinkedHashMap<>();
        double flip = 1.0 / space.size();
        space.parameters().forEach((name, expr) -> {
            ParameterValue v = centre.get(name);
            if (expr instanceof ParameterExpression.Uniform u) {
                double t = clamp(v.asDouble() + width * (u.high() - u.low()) * rng.nextGaussian(), u.low(), u.high());
                m.put(name, ParameterValue.of(t));
            } else if (expr instanceof ParameterExpression.QUniform q) {
                double t = clamp(v.asDouble() + width * (q.high() - q.low()) * rng.nextGaussian(), q.low(), q.high());
                m.put(name, q.quantized(t));
            } else {
                m.put(name, rng.nextDouble() < flip ? expr.sample(rng) : v);
            }
        });
        return new Hyperparameters(m);
    }

    private Hyperparameters unseenRandom(Set<Hyperparameters> seen) {
        Hyperparameters h = RandomParameterSampling.draw(space, rng);
        for (int tries = 0; tries < 100 && seen.contains(h); tries++) {
            h = RandomParameterSampling.draw(space, rng);
        }
        return h;
    }

    /** The configuration as a point of the GP's input space. */
    double[] encode(Hyperparameters h) {
        List<Double> out = new ArrayList<>();
        space.parameters().forEach((name, expr) -> {
            ParameterValue v = h.get(name);
            if (expr instanceof ParameterExpression.Uniform u) {
                out.add((v.asDouble() - u.low()) / (u.high() - u.low()));
            } else if (expr instanceof ParameterExpression.QUniform q) {
                out.add(clamp((v.asDouble() - q.low()) / (q.high() - q.low()), 0, 1));
            } else {
                List<ParameterValue> values = ((ParameterExpression.Choice) expr).values();
                if (values.size() > 1) {
                    int index = values.indexOf(v);
                    for (int i = 0; i < values.size(); i++) {
                        out.add(i == index ? Math.sqrt(0.5) : 0.0);
                    }
                }
            }
        });
        return unbox(out);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double[] unbox(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
