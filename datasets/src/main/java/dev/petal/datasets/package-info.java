/**
 * Data for Petal: scikit-learn's toy datasets bundled with identical values ({@link dev.petal.datasets.Datasets#iris()}
 * and friends), labelled CSV files read and written with errors that name the file, line and column, and
 * {@link dev.petal.datasets.MakeClassification}, scikit-learn's {@code make_classification} reproduced bit for bit.
 */
package dev.petal.datasets;
