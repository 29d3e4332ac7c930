/**
 * Model selection as scikit-learn does it, index for index: NumPy's legacy {@link dev.petal.selection.RandomState},
 * {@link dev.petal.selection.Selection#trainTestSplit train_test_split} (plain and stratified),
 * {@link dev.petal.selection.KFold} and {@link dev.petal.selection.StratifiedKFold}; cross-validation
 * ({@link dev.petal.selection.CrossValidation}: {@code cross_val_score}, {@code cross_validate}) and
 * hyperparameter search ({@link dev.petal.selection.GridSearchCV}, {@link dev.petal.selection.RandomizedSearchCV})
 * with scikit-learn's candidate order, scores, ranks and {@code cv_results_} keys, run as independent
 * (candidate, fold) {@link dev.petal.selection.CvTask units} on a {@link dev.petal.selection.CvBackend}.
 */
package dev.petal.selection;
