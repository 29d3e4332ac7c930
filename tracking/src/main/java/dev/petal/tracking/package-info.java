/**
 * Run history over a local workspace folder, after Azure ML's v1 SDK: {@link dev.petal.tracking.Workspace},
 * {@link dev.petal.tracking.Experiment}, {@link dev.petal.tracking.Run}, {@link dev.petal.tracking.ScriptRunConfig}.
 */
package dev.petal.tracking;
