package dev.petal.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * A submitted sweep, Azure's {@code HyperDriveRun}: a parent run whose children are the trials.
 * The parent records the primary metric and goal as properties; each child records its
 * hyperparameters (JSON) and its index as properties, so a sweep can be reopened from the run
 * history with {@link #of(Run)}.
 */
public final class HyperDriveRun {
    static final String PRIMARY_METRIC = "primary_metric_name";
    static final String GOAL = "primary_metric_goal";
    static final String KIND = "run_kind";
    static final String HYPERPARAMETERS = "hyperparameters";
    static final String CHILD_INDEX = "hyperdrive_child_index";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(50);

    private final Run parent;
    private final String primaryMetricName;
    private final PrimaryMetricGoal goal;
    private final SweepDriver driver;
    private final Thread thread;

    private HyperDriveRun(Run parent, String primaryMetricName, PrimaryMetricGoal goal, SweepDriver driver, Thread thread) {
        this.parent = parent;
        this.primaryMetricName = primaryMetricName;
        this.goal = goal;
        this.driver = driver;
        this.thread = thread;
    }

    /**
     * Starts the sweep in {@code experiment} and returns at once: a parent run (Running) whose
     * children are submitted as the sampling and the concurrency limit allow.
     */
    public static HyperDriveRun submit(Experiment experiment, HyperDriveConfig config) {
        return submit(experiment, config, child -> { });
    }

    /**
     * Starts the sweep like {@link #submit(Experiment, HyperDriveConfig)} and calls
     * {@code onChildEnd} (on the sweep's thread) each time a child run ends.
     */
    public static HyperDriveRun submit(Experiment experiment, HyperDriveConfig config, Consumer<ChildRun> onChildEnd) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(onChildEnd, "onChildEnd");
        Objects.requireNonNull(config, "config");
        Run parent = experiment.startLogging("HyperDrive");
        Map<String, String> props = new LinkedHashMap<>();
        props.put(KIND, "hyperdrive");
        props.put(PRIMARY_METRIC, config.primaryMetricName());
        props.put(GOAL, config.goal().name().toLowerCase(java.util.Locale.ROOT));
        props.put("sampling", config.sampling().name());
        props.put("policy", config.policy().spec());
        props.put("max_total_runs", Integer.toString(config.maxTotalRuns()));
        props.put("max_concurrent_runs", Integer.toString(config.maxConcurrentRuns()));
        props.put("search_space", searchSpaceJson(config.sampling().space()));
        parent.addProperties(props);
        SweepDriver driver = new SweepDriver(config.sampling(), config.policy(), config.goal(), config.maxTotalRuns(),
                config.maxConcurrentRuns(), config.maxDuration(), POLL);
        Thread[] holder = new Thread[1];
        HyperDriveRun[] self = new HyperDriveRun[1];
        holder[0] = new Thread(() -> self[0].drive(config, onChildEnd, List.of()), "petal-hyperdrive-" + parent.id());
        self[0] = new HyperDriveRun(parent, config.primaryMetricName(), config.goal(), driver, holder[0]);
        holder[0].start();
        return self[0];
    }

    /**
     * Goes on with a sweep whose process died or was stopped (Azure's warm start, on the same parent run): the
     * parent is Running again in this process; children that ended on their own (Completed, Failed, or cut by the
     * policy) count as they are; children that the sweep's end canceled run again with their hyperparameters and
     * index (the canceled run stays in the history); then sampling goes on where it stopped, up to
     * {@code config}'s limits. {@code config} must be the sweep's own (same primary metric and goal).
     */
    public static HyperDriveRun resume(Run parent, HyperDriveConfig config, Consumer<ChildRun> onChildEnd) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(onChildEnd, "onChildEnd");
        HyperDriveRun stored = of(parent);
        if (!stored.primaryMetricName.equals(config.primaryMetricName()) || stored.goal != config.goal()) {
            throw new IllegalArgumentException("HyperDrive run " + parent.id() + " optimizes " + stored.primaryMetricName + " ("
                    + stored.goal.name().toLowerCase(java.util.Locale.ROOT) + "); the configuration given to resume it says "
                    + config.primaryMetricName() + " (" + config.goal().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        parent.reopen();
        Map<Integer, PriorTrial> prior = new java.util.TreeMap<>();
        for (Run c : stored.getChildren()) {
            RunStatus s = c.getStatus();
            boolean cut = c.getTags().containsKey("early_termination");
            boolean again = !cut && s == RunStatus.CANCELED;
            PriorTrial p = new PriorTrial(childIndex(c), hyperparametersOf(c), again ? null : new RunTrial(c, config.primaryMetricName()));
            PriorTrial before = prior.get(p.index());
            if (before == null || before.finished() == null) {
                prior.put(p.index(), p);
            }
        }
        SweepDriver driver = new SweepDriver(config.sampling(), config.policy(), config.goal(), config.maxTotalRuns(),
                config.maxConcurrentRuns(), config.maxDuration(), POLL);
        List<PriorTrial> priorList = List.copyOf(prior.values());
        Thread[] holder = new Thread[1];
        HyperDriveRun[] self = new HyperDriveRun[1];
        holder[0] = new Thread(() -> self[0].drive(config, onChildEnd, priorList), "petal-hyperdrive-" + parent.id());
        self[0] = new HyperDriveRun(parent, config.primaryMetricName(), config.goal(), driver, holder[0]);
        holder[0].start();
        return self[0];
    }

    /** Reopens a sweep from its parent run in the run history (read-only: it cannot be canceled from here). */
    public static HyperDriveRun of(Run parent) {
        Map<String, String> p = parent.getProperties();
        if (!"hyperdrive".equals(p.get(KIND)) || p.get(PRIMARY_METRIC) == null || p.get(GOAL) == null) {
            throw new IllegalArgumentException("Run " + parent.id() + " is not a HyperDrive parent run.");
        }
        return new HyperDriveRun(parent, p.get(PRIMARY_METRIC), PrimaryMetricGoal.parse(p.get(GOAL)), null, null);
    }

    private void drive(HyperDriveConfig config, Consumer<ChildRun> onChildEnd, List<PriorTrial> prior) {
        long[] nextCheck = {System.nanoTime()};
        driver.everyPoll(() -> {
            // The parent canceled from another process (petal runs cancel, Run.cancel there): stop the sweep here.
            if (System.nanoTime() - nextCheck[0] >= 0 && !driver.isCancelRequested()) {
                nextCheck[0] = System.nanoTime() + 1_000_000_000L;
                if (parent.getStatus() == RunStatus.CANCELED) {
                    driver.cancel();
                }
            }
        });
        try {
            List<TrialRecord> records = driver.run((index, h) -> {
                // As tags, written with the run itself (so a listing never sees a child without them);
                // then as properties, which cannot be changed afterwards.
                Map<String, String> marks = Map.of(HYPERPARAMETERS, hyperparametersJson(h), CHILD_INDEX, Integer.toString(index));
                Run child = parent.submitChild(config.runConfig().withExtraArguments(h.arguments()), marks);
                child.addProperties(marks);
                child.logParams(h.toJava());
                return new RunTrial(child, config.primaryMetricName());
            }, r -> {
                Run child = ((RunTrial) r.trial()).run();
                if (r.cutByPolicy()) {
                    child.tag("early_termination", policyName(config.policy()) + " at interval " + r.cutAtInterval());
                }
                onChildEnd.accept(new ChildRun(child.id(), r.hyperparameters(), bestPrimaryMetric(child), child.getStatus()));
            }, prior);
            getBestRunByPrimaryMetric().ifPresent(best -> parent.tag("best_child_run_id", best.id()));
            if (driver.isCancelRequested()) {
                endQuietly(parent::cancel);
            } else if (!records.isEmpty() && records.stream().allMatch(r -> r.trial().state() == TrialState.FAILED)) {
                endQuietly(() -> parent.fail("all " + records.size() + " child runs failed; see their logs/std_log.txt"));
            } else {
                endQuietly(parent::complete);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endQuietly(() -> parent.fail(e));
        } catch (RuntimeException e) {
            // e.g. a child could not be submitted: the driver has canceled the others; the parent records why
            endQuietly(() -> parent.fail(e));
        }
    }

    private static void endQuietly(Runnable end) {
        try {
            end.run();
        } catch (IllegalStateException alreadyEnded) {
            // the parent already reached a terminal status
        }
    }

    /** The parent run. */
    public Run run() {
        return parent;
    }

    /** The parent run's id. */
    public String id() {
        return parent.id();
    }

    /** The primary metric's name. */
    public String primaryMetricName() {
        return primaryMetricName;
    }

    /** The primary metric's goal. */
    public PrimaryMetricGoal goal() {
        return goal;
    }

    /** The parent run's status: Running while the sweep goes on, then Completed, Canceled or Failed. */
    public RunStatus getStatus() {
        return parent.getStatus();
    }

    /** Waits until the sweep has ended (every child finished) and returns this run. */
    public HyperDriveRun waitForCompletion() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
        return this;
    }

    /** Waits at most {@code timeout} for the sweep to end; true when it has ended. */
    public boolean waitForCompletion(Duration timeout) throws InterruptedException {
        if (thread != null) {
            thread.join(Math.max(1, timeout.toMillis()));
            return !thread.isAlive();
        }
        return true;
    }

    /** Cancels the sweep: no new children start and running ones are canceled; the parent ends Canceled. */
    public void cancel() {
        if (driver == null) {
            throw new IllegalStateException("HyperDrive run " + id() + " was reopened from the run history; only the process"
                    + " that submitted it can cancel it.");
        }
        driver.cancel();
    }

    /** The child runs in the order they were started. */
    public List<Run> getChildren() {
        List<Run> children = new ArrayList<>(parent.getChildren());
        children.sort(Comparator.comparingInt(HyperDriveRun::childIndex));
        return children;
    }

    /** Each child's hyperparameters, by run id, in start order (Azure's {@code get_hyperparameters}). */
    public Map<String, Hyperparameters> getHyperparameters() {
        Map<String, Hyperparameters> out = new LinkedHashMap<>();
        for (Run c : getChildren()) {
            out.put(c.id(), hyperparametersOf(c));
        }
        return out;
    }

    /** Each child's metrics, by run id, in start order (Azure's {@code get_metrics}). */
    public Map<String, Map<String, Object>> getMetrics() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Run c : getChildren()) {
            out.put(c.id(), c.getMetrics());
        }
        return out;
    }

    /** The child with the best primary metric, failed and canceled children included (Azure's defaults). */
    public Optional<Run> getBestRunByPrimaryMetric() {
        return getBestRunByPrimaryMetric(true, true);
    }

    /** The child with the best primary metric among those allowed; empty when none logged it. Ties: the earliest child. */
    public Optional<Run> getBestRunByPrimaryMetric(boolean includeFailed, boolean includeCanceled) {
        Run best = null;
        double bestValue = Double.NaN;
        for (Run c : getChildren()) {
            RunStatus s = c.getStatus();
            if (s == RunStatus.FAILED && !includeFailed || s == RunStatus.CANCELED && !includeCanceled) {
                continue;
            }
            OptionalDouble v = bestPrimaryMetric(c);
            if (v.isPresent() && (best == null || goal.isBetter(v.getAsDouble(), bestValue))) {
                best = c;
                bestValue = v.getAsDouble();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every child, best first (Azure's {@code get_children_sorted_by_primary_metric()}). */
    public List<ChildRun> getChildrenSortedByPrimaryMetric() {
        return getChildrenSortedByPrimaryMetric(0, false, false);
    }

    /**
     * Children sorted by their best primary metric, best first ({@code reverse}: worst first);
     * children with no value come last unless {@code discardNoMetric}; {@code top > 0} keeps that many.
     */
    public List<ChildRun> getChildrenSortedByPrimaryMetric(int top, boolean reverse, boolean discardNoMetric) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 (all) or positive, got " + top + ".");
        }
        List<ChildRun> withMetric = new ArrayList<>();
        List<ChildRun> without = new ArrayList<>();
        for (Run c : getChildren()) {
            ChildRun cr = new ChildRun(c.id(), hyperparametersOf(c), bestPrimaryMetric(c), c.getStatus());
            (cr.bestPrimaryMetric().isPresent() ? withMetric : without).add(cr);
        }
        Comparator<ChildRun> bestFirst = Comparator.comparingDouble(
                (ChildRun c) -> goal.toMaximize(c.bestPrimaryMetric().getAsDouble())).reversed();
        withMetric.sort(reverse ? bestFirst.reversed() : bestFirst);
        List<ChildRun> out = new ArrayList<>(withMetric);
        if (!discardNoMetric) {
            out.addAll(without);
        }
        return top > 0 && top < out.size() ? List.copyOf(out.subList(0, top)) : List.copyOf(out);
    }

    /** The best value of the primary metric that {@code child} logged, per the goal. */
    public OptionalDouble bestPrimaryMetric(Run child) {
        OptionalDouble best = OptionalDouble.empty();
        for (double v : RunTrial.primaryValues(child, primaryMetricName)) {
            if (Double.isFinite(v) && (best.isEmpty() || goal.isBetter(v, best.getAsDouble()))) {
                best = OptionalDouble.of(v);
            }
        }
        return best;
    }

    /** The hyperparameters a child of a sweep ran with, read from its properties. */
    public static Hyperparameters hyperparametersOf(Run child) {
        String json = mark(child, HYPERPARAMETERS);
        if (json == null) {
            throw new IllegalArgumentException("Run " + child.id() + " is not a HyperDrive child run (it has no hyperparameters).");
        }
        try {
            Map<String, ParameterValue> values = new LinkedHashMap<>();
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> values.put(e.getKey(), valueOf(e.getValue())));
            return new Hyperparameters(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Run " + child.id() + " has unreadable hyperparameters: " + e.getOriginalMessage());
        }
    }

    private static ParameterValue valueOf(JsonNode n) {
        if (n.isIntegralNumber()) {
            return ParameterValue.of(n.asLong());
        }
        if (n.isNumber()) {
            return ParameterValue.of(n.asDouble());
        }
        return ParameterValue.of(n.asText());
    }

    /** A child's property {@code key}, else its tag (set at submission, before the property). */
    private static String mark(Run child, String key) {
        RunDetails d = child.getDetails();
        String v = d.properties().get(key);
        return v != null ? v : d.tags().get(key);
    }

    private static int childIndex(Run child) {
        String i = mark(child, CHILD_INDEX);
        return i == null ? Integer.MAX_VALUE : Integer.parseInt(i);
    }

    static String hyperparametersJson(Hyperparameters h) {
        try {
            return JSON.writeValueAsString(h.toJava());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hyperparameters as JSON", e);
        }
    }

    private static String searchSpaceJson(SearchSpace space) {
        Map<String, String> m = new LinkedHashMap<>();
        space.parameters().forEach((k, v) -> m.put(k, v.expression()));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the search space as JSON", e);
        }
    }

    private static String policyName(EarlyTerminationPolicy p) {
        return p.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "HyperDriveRun(" + parent.id() + ")";
    }
}
