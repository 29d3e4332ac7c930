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
 * whole continuous range. Beyond 200 finished trials the model is fitted to the best 100 and
 * 100 others spread over the rest, so a proposal stays fast on budgets of up to 1000 runs.
 */
final class BayesianSampler implements Sampler {
    private static final int RANDOM_CANDIDATES = 1500;
    private static final int LOCAL_CANDIDATES = 60;
    private static final int LOCAL_CENTRES = 5;
    private static final double XI = 0.01;
    private static final int MAX_MODEL_POINTS = 200;

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
        if (xs.size() > MAX_MODEL_POINTS) {
            keepBestAndSpread(xs, ys);
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
        // The incumbent is the best posterior mean at a tried point ("plug-in" EI), which stays
        // meaningful when the fitted noise level smooths the observations.
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        for (double[] x : xs) {
            best = Math.max(best, gp.predict(x)[0]);
        }
        for (double y : ys) {
            worst = Math.min(worst, y);
        }
        double xi = XI * (best - worst);
        List<Hyperparameters> candidates = candidates(finished);
        // Maximize EI; where it vanishes everywhere (a well-explored space), the best posterior mean decides.
        Hyperparameters chosen = null;
        double chosenEi = Double.NEGATIVE_INFINITY;
        double chosenMean = Double.NEGATIVE_INFINITY;
        for (Hyperparameters c : candidates) {
            if (seen.contains(c)) {
                continue;
            }
            double[] prediction = gp.predict(encode(c));
            double ei = expectedImprovement(prediction, best, xi);
            if (ei > chosenEi || ei == chosenEi && prediction[0] > chosenMean) {
                chosenEi = ei;
                chosenMean = prediction[0];
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

    /**
     * Shrinks the training set to {@link #MAX_MODEL_POINTS} so each proposal stays cheap on large
     * budgets: the best half by value, and the rest evenly spaced over the remaining points.
     */
    private static void keepBestAndSpread(List<double[]> xs, List<Double> ys) {
        Integer[] order = new Integer[ys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(ys.get(b), ys.get(a)));
        int half = MAX_MODEL_POINTS / 2;
        List<Integer> keep = new ArrayList<>(java.util.Arrays.asList(order).subList(0, half));
        int rest = order.length - half;
        for (int k = 0; k < MAX_MODEL_POINTS - half; k++) {
            keep.add(order[half + (int) ((long) k * rest / (MAX_MODEL_POINTS - half))]);
        }
        List<double[]> x2 = new ArrayList<>();
        List<Double> y2 = new ArrayList<>();
        for (int i : keep) {
            x2.add(xs.get(i));
            y2.add(ys.get(i));
        }
        xs.clear();
        xs.addAll(x2);
        ys.clear();
        ys.addAll(y2);
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
