package dev.petal.selection;

import java.util.Map;

/**
 * One unit of cross-validation work, as plain data: fit the base estimator with {@code params} on the
 * rows {@code train} and score it on the rows {@code test}. Units are independent, so they can run in
 * any order, on any thread or machine, and give the same numbers.
 *
 * @param candidate the candidate's index in the search's order
 * @param fold      the fold's index in the splitter's order
 * @param params    the parameters to set on the base estimator (names as {@code set_params} takes them)
 * @param train     the training row indices, ascending
 * @param test      the test row indices, ascending
 */
public record CvTask(int candidate, int fold, Map<String, Object> params, int[] train, int[] test) {
}
