/**
 * Saving and loading fitted models as Petal model files ({@code .petal}): the safe equivalent of
 * {@code joblib.dump}/{@code joblib.load}. {@link dev.petal.modelio.ModelIO} maps the closed list of
 * {@link dev.petal.modelio.ModelType}s to the container of {@link dev.petal.io.ModelArchive}.
 */
package dev.petal.modelio;
