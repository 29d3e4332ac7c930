/**
 * Model selection as scikit-learn does it, index for index: NumPy's legacy {@link dev.petal.selection.RandomState},
 * {@link dev.petal.selection.Selection#trainTestSplit train_test_split} (plain and stratified),
 * {@link dev.petal.selection.KFold} and {@link dev.petal.selection.StratifiedKFold}.
 */
package dev.petal.selection;
