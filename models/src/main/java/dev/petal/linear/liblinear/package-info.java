/**
 * Internal: a port of the liblinear solvers scikit-learn 1.2.1 bundles (Fan, Chang, Hsieh, Wang and Lin,
 * "LIBLINEAR: A Library for Large Linear Classification", JMLR 2008), in their operation order so the
 * fitted weights equal scikit-learn's: dual coordinate descent for SVC and SVR, primal trust-region
 * Newton, L1-regularized coordinate descent and Crammer-Singer, with scikit-learn's sample weights and
 * its Mersenne-Twister coordinate order.
 */
package dev.petal.linear.liblinear;
