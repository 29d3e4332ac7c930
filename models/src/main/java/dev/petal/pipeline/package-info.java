/** scikit-learn's {@code Pipeline}: fitted transforms chained before a final classifier. */
package dev.petal.pipeline;
