/**
 * The Petal model file container: a ZIP archive holding {@code petal.json} and one NumPy
 * {@code .npy} entry per array, written atomically and read as hostile input.
 *
 * <p>This package knows nothing of model types: {@link dev.petal.io.ModelArchive} reads and writes
 * the container and validates its structure; the models module maps model types to and from it.
 * Every problem with a file is reported as one {@link dev.petal.io.ModelFormatException} whose
 * message is a single line naming the file and what is wrong.
 */
package dev.petal.io;
