/** The estimator, classifier and transformer contracts shared by every model. */
package dev.petal.api;
