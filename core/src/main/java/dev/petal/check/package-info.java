/** Validation of parameters and inputs, worded as scikit-learn words its errors. */
package dev.petal.check;
