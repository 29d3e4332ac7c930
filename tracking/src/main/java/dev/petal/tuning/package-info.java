/**
 * Hyperparameter tuning in the manner of Azure ML's HyperDrive.
 *
 * <p>A {@link dev.petal.tuning.SearchSpace} maps names to {@link dev.petal.tuning.ParameterExpression}s
 * ({@code choice}, {@code uniform}, {@code loguniform}, ... with Azure's semantics; read from text by
 * {@link dev.petal.tuning.ExpressionParser}). A {@link dev.petal.tuning.ParameterSampling} (grid, random
 * or Bayesian) draws configurations; an {@link dev.petal.tuning.EarlyTerminationPolicy} (bandit, median
 * stopping, truncation selection) cuts poor runs each time they log the primary metric. A
 * {@link dev.petal.tuning.HyperDriveConfig} puts them together with the script and the budget, and
 * {@link dev.petal.tuning.HyperDriveRun#submit} runs the sweep as a parent run with one child run per
 * configuration, each started with {@code --NAME value} appended to the script's arguments:
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of("kernel", ExpressionParser.parse("choice(linear, rbf, poly, sigmoid)"))
 *         .and("penalty", ExpressionParser.parse("choice(0.5, 1, 1.5)"));
 * HyperDriveConfig config = HyperDriveConfig.of(ScriptRunConfig.mainClass("dev.petal.examples.TrainIris", List.of()),
 *         new GridParameterSampling(space), "Accuracy", PrimaryMetricGoal.MAXIMIZE, 12).withMaxConcurrentRuns(4);
 * HyperDriveRun hd = HyperDriveRun.submit(workspace.experiment("Tutorial-TrainIRIS"), config).waitForCompletion();
 * Run best = hd.getBestRunByPrimaryMetric().orElseThrow();
 * }</pre>
 *
 * <p>The sweep loop itself ({@link dev.petal.tuning.SweepDriver}) knows nothing of run tracking: it
 * starts {@link dev.petal.tuning.Trial}s through a {@link dev.petal.tuning.TrialLauncher} and polls them.
 */
package dev.petal.tuning;
