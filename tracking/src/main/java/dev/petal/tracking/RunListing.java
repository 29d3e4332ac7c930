package dev.petal.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The runs of a workspace or experiment read in one pass, each {@code run.json} once, newest first. A run whose
 * {@code run.json} cannot be read is reported in {@link #damaged()} and never hides the others.
 *
 * @param runs the readable runs (soft-deleted ones included; see {@link RunDetails#deleted()}), newest first
 * @param damaged the runs that could not be read, with the reason
 */
public record RunListing(List<Entry> runs, List<Damaged> damaged) {
    /** Copies the lists. */
    public RunListing {
        runs = List.copyOf(runs);
        damaged = List.copyOf(damaged);
    }

    /**
     * One readable run.
     *
     * @param run a handle on the run
     * @param details its details
     */
    public record Entry(Run run, RunDetails details) {
    }

    /**
     * A run folder whose {@code run.json} could not be read.
     *
     * @param experiment the experiment
     * @param id the run folder's name
     * @param folder the run folder
     * @param reason why it could not be read, one line
     */
    public record Damaged(String experiment, String id, Path folder, String reason) {
    }

    /**
     * Every run of {@code workspace}, or of one experiment when {@code experiment} is not null. With
     * {@code readOnly} nothing is written: a run whose owning process died reads as Failed without being marked so.
     */
    public static RunListing of(Workspace workspace, String experiment, boolean readOnly) {
        Objects.requireNonNull(workspace, "workspace");
        List<Entry> runs = new ArrayList<>();
        List<Damaged> damaged = new ArrayList<>();
        List<Experiment> experiments = experiment == null ? workspace.experiments()
                : List.of(workspace.experiment(experiment));
        for (Experiment e : experiments) {
            RunListing one = scan(e, readOnly);
            runs.addAll(one.runs());
            damaged.addAll(one.damaged());
        }
        runs.sort(NEWEST_FIRST);
        return new RunListing(runs, damaged);
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing((Entry e) -> e.details().createdTime(),
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(e -> e.run().id()).reversed();

    static RunListing scan(Experiment experiment, boolean readOnly) {
        List<Entry> runs = new ArrayList<>();
        List<Damaged> damaged = new ArrayList<>();
        for (Path p : experiment.runFolders()) {
            String id = p.getFileName().toString();
            try {
                Run run = Run.load(experiment.workspace(), experiment.name(), id);
                RunDetails d = readOnly ? peek(p) : run.getDetails();
                if (d.id() == null || d.createdTime() == null) {
                    throw new IllegalArgumentException(p.resolve(RunStore.FILE) + " has no id or createdTime");
                }
                runs.add(new Entry(run, d));
            } catch (RuntimeException ex) {
                String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                damaged.add(new Damaged(experiment.name(), id, p, m.strip().replaceAll("\\s*\\R\\s*", " ")));
            }
        }
        runs.sort(NEWEST_FIRST);
        return new RunListing(runs, damaged);
    }

    /**
     * The details of the run in {@code folder} without writing anything: a run whose owning process died reads as
     * Failed (not recorded). IllegalArgumentException when its {@code run.json} is damaged.
     */
    public static RunDetails peek(Path folder) {
        ObjectNode n = RunStore.read(folder);
        if (!RunStatus.parse(n.path("status").asText()).isTerminal() && !Liveness.ownerAlive(n, folder)) {
            RunStore.setStatus(n, RunStatus.FAILED, "the process that ran this run (pid " + n.path("pid").asLong()
                    + ") ended without finishing it");
        }
        return RunDetails.fromJson(n);
    }
}
