package dev.petal.api;

import java.util.Collections;
import java.util.Map;

/**
 * An estimator whose hyperparameters can be read and set by scikit-learn's names ({@code C},
 * {@code kernel}, {@code gamma}; {@code svc__C} inside a Pipeline), as {@code get_params} and
 * {@code set_params} do. Each Petal estimator declares its own parameters: nothing is found by reflection.
 *
 * <p>Values are plain data so that a parameter setting can be written as JSON and sent elsewhere:
 * a {@link Number}, a {@link String}, a {@link Boolean} or null (scikit-learn's None); an estimator
 * may also accept its own richer types (an enum, a record) when set from Java.
 */
public interface HasParams {
    /** Every parameter by its scikit-learn name, sorted by name as {@code get_params(deep=True)} lists them. */
    Map<String, Object> params();

    /**
     * A copy with the named parameters set ({@code set_params}); this estimator is not changed.
     *
     * @throws IllegalArgumentException naming the first unknown parameter and listing the valid ones, or
     *                                  naming a parameter whose value has the wrong type or range
     */
    HasParams withParams(Map<String, ?> params);

    /** A copy with one parameter set. */
    default HasParams withParam(String name, Object value) {
        return withParams(Collections.singletonMap(name, value));
    }
}
