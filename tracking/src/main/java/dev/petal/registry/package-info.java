/**
 * The model registry of a workspace: named models with versions 1, 2, …, tags, properties, aliases
 * ({@code sklearn-iris@champion}) and the run each version came from, under {@code models/<name>/<version>/}.
 */
package dev.petal.registry;
