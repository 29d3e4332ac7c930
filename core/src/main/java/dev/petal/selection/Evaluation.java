package dev.petal.selection;

import dev.petal.check.PyRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs every (candidate, fold) unit of a cross-validation on a backend and gathers the outcomes into a
 * candidates x folds table, with scikit-learn's fit-failure policy: all fits failed raises, some
 * failed warns.
 */
final class Evaluation {
    final CvOutcome[][] outcomes;
    final List<String> warnings;

    private Evaluation(CvOutcome[][] outcomes, List<String> warnings) {
        this.outcomes = outcomes;
        this.warnings = warnings;
    }

    static <M> Evaluation run(CvJob<M> job, List<Map<String, Object>> candidates, CvOptions options) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("No fits were performed. Was the CV iterator empty? Were there no candidates?");
        }
        List<String> warnings = new ArrayList<>();
        int n = job.x().rows();
        int[] labels = job.labels();
        if (labels == null && options.cv() instanceof StratifiedKFold) {
            throw new IllegalArgumentException("Supported target types are: ('binary', 'multiclass'). Got 'continuous' instead.");
        }
        List<TrainTestIndices> folds = options.cv().split(n, labels);
        if (labels != null && options.cv() instanceof Folds f) {
            String w = StratifiedKFold.of(f.nSplits()).leastPopulatedWarning(labels);
            if (w != null) {
                warnings.add(w);
            }
        } else if (labels != null && options.cv() instanceof StratifiedKFold s) {
            String w = s.leastPopulatedWarning(labels);
            if (w != null) {
                warnings.add(w);
            }
        }
        List<CvTask> tasks = new ArrayList<>(candidates.size() * folds.size());
        for (int c = 0; c < candidates.size(); c++) {
            for (int f = 0; f < folds.size(); f++) {
                TrainTestIndices t = folds.get(f);
                tasks.add(new CvTask(c, f, candidates.get(c), t.train(), t.test()));
            }
        }
        List<CvOutcome> results;
        try {
            results = options.listener() == null ? options.backend().evaluate(job, tasks)
                    : options.backend().evaluate(job, tasks, new Progress(candidates, folds.size(), options));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("cross-validation was interrupted");
            c.initCause(e);
            throw c;
        }
        CvOutcome[][] table = new CvOutcome[candidates.size()][folds.size()];
        for (CvOutcome o : results) {
            table[o.candidate()][o.fold()] = o;
        }
        int failed = 0;
        String first = null;
        for (CvOutcome[] row : table) {
            for (CvOutcome o : row) {
                if (o == null) {
                    throw new IllegalStateException("The backend returned no outcome for some (candidate, fold) unit.");
                }
                if (o.fitError() != null) {
                    failed++;
                    first = first == null ? o.fitError() : first;
                }
                if (o.scoreError() != null) {
                    warnings.add("Scoring failed. The score on this train-test partition for these parameters will be set to "
                            + PyRepr.of(job.errorScore().value()) + ". Details: " + o.scoreError());
                }
            }
        }
        if (failed == tasks.size()) {
            throw new IllegalArgumentException("All the " + failed + " fits failed. It is very likely that your model is "
                    + "misconfigured; the first failure: " + first);
        }
        if (failed > 0) {
            warnings.add(failed + " fits failed out of a total of " + tasks.size() + ". The score on these train-test "
                    + "partitions for these parameters will be set to " + PyRepr.of(job.errorScore().value())
                    + ". The first failure: " + first);
        }
        return new Evaluation(table, warnings);
    }

    /** Gathers outcomes as they arrive and tells the listener about each candidate whose folds are all done. */
    private static final class Progress implements java.util.function.Consumer<CvOutcome> {
        private final List<Map<String, Object>> candidates;
        private final CvOutcome[][] table;
        private final int[] remaining;
        private final CvOptions options;

        Progress(List<Map<String, Object>> candidates, int nFolds, CvOptions options) {
            this.candidates = candidates;
            this.table = new CvOutcome[candidates.size()][nFolds];
            this.remaining = new int[candidates.size()];
            java.util.Arrays.fill(remaining, nFolds);
            this.options = options;
        }

        @Override
        public synchronized void accept(CvOutcome o) {
            int c = o.candidate();
            if (table[c][o.fold()] != null) {
                return;
            }
            table[c][o.fold()] = o;
            if (--remaining[c] == 0) {
                options.listener().candidateDone(c, new CvResults(List.of(candidates.get(c)), new CvOutcome[][] {table[c]},
                        options.returnTrainScore()));
            }
        }
    }
}
