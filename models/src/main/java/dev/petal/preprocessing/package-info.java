/** Feature preprocessing with scikit-learn's numerics: {@link dev.petal.preprocessing.StandardScaler}. */
package dev.petal.preprocessing;
