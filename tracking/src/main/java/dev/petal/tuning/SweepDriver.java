package dev.petal.tuning;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The HyperDrive loop: keeps up to {@code maxConcurrentRuns} children running, asks the sampler
 * for each next configuration, polls the children's primary metric and applies the
 * early-termination policy at every new interval, and stops at {@code maxTotalRuns}, when the
 * sampling is exhausted, at {@code maxDuration} or on {@link #cancel()} (running children are
 * then canceled). Independent of how children are run: a {@link TrialLauncher} starts them.
 */
public final class SweepDriver {
    private final ParameterSampling sampling;
    private final EarlyTerminationPolicy policy;
    private final PrimaryMetricGoal goal;
    private final int maxTotalRuns;
    private final int maxConcurrentRuns;
    private final Duration maxDuration;
    private final Duration pollInterval;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile Runnable everyPoll = () -> { };
    private final LongSupplier clock;

    /** A driver; {@code maxDuration} null means no time limit. */
    public SweepDriver(ParameterSampling sampling, EarlyTerminationPolicy policy, PrimaryMetricGoal goal,
                       int maxTotalRuns, int maxConcurrentRuns, Duration maxDuration, Duration pollInterval) {
        this(sampling, policy, goal, maxTotalRuns, maxConcurrentRuns, maxDuration, pollInterval, System::nanoTime);
    }

    SweepDriver(ParameterSampling sampling, EarlyTerminationPolicy policy, PrimaryMetricGoal goal, int maxTotalRuns,
                int maxConcurrentRuns, Duration maxDuration, Duration pollInterval, LongSupplier clock) {
        this.sampling = Objects.requireNonNull(sampling, "sampling");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.goal = Objects.requireNonNull(goal, "goal");
        this.maxTotalRuns = maxTotalRuns;
        this.maxConcurrentRuns = maxConcurrentRuns;
        this.maxDuration = maxDuration;
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.clock = clock;
    }

    /** Asks a running sweep to stop: no new children start, and running ones are canceled. */
    public void cancel() {
        cancelRequested.set(true);
    }

    /** Calls {@code check} on the sweep's thread before each poll of the children (it may call {@link #cancel()}). */
    void everyPoll(Runnable check) {
        everyPoll = Objects.requireNonNull(check, "check");
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    /** Runs the sweep to its end and returns every child started, in start order. */
    public List<TrialRecord> run(TrialLauncher launcher) throws InterruptedException {
        return run(launcher, r -> { });
    }

    /** Runs the sweep to its end, telling {@code onFinished} about each child as it ends; returns every child, in start order. */
    public List<TrialRecord> run(TrialLauncher launcher, Consumer<TrialRecord> onFinished) throws InterruptedException {
        return run(launcher, onFinished, List.of());
    }

    /**
     * Goes on with a sweep that was interrupted: {@code prior} are its children in start order. A finished one
     * counts as it ended (its values are observations, it counts towards {@code maxTotalRuns}); one to run again is
     * launched first, with its hyperparameters and index. The sampler is advanced past every prior child, so new
     * children get the configurations the interrupted sweep would have sampled next.
     */
    public List<TrialRecord> run(TrialLauncher launcher, Consumer<TrialRecord> onFinished, List<PriorTrial> prior)
            throws InterruptedException {
        Sampler sampler = sampling.sampler(goal);
        long start = clock.getAsLong();
        Map<String, Trial> trials = new LinkedHashMap<>();
        Map<String, Hyperparameters> configs = new LinkedHashMap<>();
        Map<String, List<Double>> seen = new LinkedHashMap<>();
        Map<String, Integer> cutAt = new LinkedHashMap<>();
        Set<String> running = new LinkedHashSet<>();
        Set<String> finished = new LinkedHashSet<>();
        List<Observation> observations = new ArrayList<>();
        Deque<PriorTrial> rerun = new ArrayDeque<>();
        for (PriorTrial p : prior) {
            sampler.next(List.copyOf(observations), List.of());
            if (p.finished() == null) {
                rerun.add(p);
                continue;
            }
            Trial t = p.finished();
            List<Double> values = finite(t.primaryMetricValues());
            trials.put(t.id(), t);
            configs.put(t.id(), p.hyperparameters());
            seen.put(t.id(), List.copyOf(values));
            finished.add(t.id());
            observations.add(new Observation(p.hyperparameters(), best(values)));
        }
        int nextIndex = prior.size();
        boolean exhausted = false;
        boolean stopping = false;
        try {
            while (true) {
                everyPoll.run();
                for (String id : new ArrayList<>(running)) {
                    Trial t = trials.get(id);
                    TrialState state = t.state();
                    List<Double> values = finite(t.primaryMetricValues());
                    int before = seen.get(id).size();
                    seen.put(id, List.copyOf(values));
                    if (!cutAt.containsKey(id) && !state.isFinished()) {
                        for (int n = before + 1; n <= values.size(); n++) {
                            if (policy.shouldTerminate(id, streams(seen, id, n, finished), goal)) {
                                cutAt.put(id, n);
                                t.cancel();
                                break;
                            }
                        }
                    }
                    if (state.isFinished()) {
                        running.remove(id);
                        finished.add(id);
                        observations.add(new Observation(configs.get(id), best(values)));
                        onFinished.accept(new TrialRecord(t, configs.get(id), cutAt.getOrDefault(id, 0)));
                    }
                }
                if (!stopping && (cancelRequested.get() || timeUp(start))) {
                    stopping = true;
                    running.forEach(id -> trials.get(id).cancel());
                }
                while (!stopping && running.size() < maxConcurrentRuns) {
                    int index;
                    Hyperparameters h;
                    if (!rerun.isEmpty()) {
                        PriorTrial p = rerun.poll();
                        index = p.index();
                        h = p.hyperparameters();
                    } else {
                        if (exhausted || trials.size() >= maxTotalRuns) {
                            break;
                        }
                        List<Hyperparameters> pending = new ArrayList<>();
                        running.forEach(id -> pending.add(configs.get(id)));
                        var next = sampler.next(List.copyOf(observations), pending);
                        if (next.isEmpty()) {
                            exhausted = true;
                            break;
                        }
                        index = nextIndex++;
                        h = next.get();
                    }
                    Trial t = launcher.launch(index, h);
                    if (trials.putIfAbsent(t.id(), t) != null) {
                        throw new IllegalStateException("the launcher returned trial id '" + t.id() + "' twice.");
                    }
                    configs.put(t.id(), h);
                    seen.put(t.id(), List.of());
                    running.add(t.id());
                }
                if (running.isEmpty() && (stopping || rerun.isEmpty() && (exhausted || trials.size() >= maxTotalRuns))) {
                    break;
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (RuntimeException | InterruptedException e) {
            // the sweep cannot go on (a child could not be started, or the driver was interrupted): stop its children
            running.forEach(id -> trials.get(id).cancel());
            throw e;
        }
        List<TrialRecord> out = new ArrayList<>();
        trials.forEach((id, t) -> out.add(new TrialRecord(t, configs.get(id), cutAt.getOrDefault(id, 0))));
        return out;
    }

    private static List<Double> finite(List<Double> values) {
        List<Double> out = new ArrayList<>(values.size());
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private boolean timeUp(long start) {
        return maxDuration != null && clock.getAsLong() - start >= maxDuration.toNanos();
    }

    /** The streams as the policy sees them when {@code run} has just logged its {@code n}-th value. */
    private static MetricStreams streams(Map<String, List<Double>> seen, String run, int n, Set<String> finished) {
        Map<String, List<Double>> view = new LinkedHashMap<>(seen);
        view.put(run, seen.get(run).subList(0, n));
        return new MetricStreams(view, finished);
    }

    private double best(List<Double> values) {
        double best = Double.NaN;
        for (double v : values) {
            best = Double.isNaN(best) ? v : goal.better(best, v);
        }
        return best;
    }
}
