/**
 * Data for Petal: scikit-learn's toy datasets bundled with identical values ({@link dev.petal.datasets.Datasets#iris()}
 * and friends) and labelled CSV files read and written with errors that name the file, line and column.
 */
package dev.petal.datasets;
