package dev.petal.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON shapes clients send (rows, records, columns) into one feature matrix in the
 * model's column order, with an error that points at the offending element ({@code data[2][1]}).
 */
final class Inputs {
    private final ServedModel model;

    Inputs(ServedModel model) {
        this.model = model;
    }

    /** A list of rows, each a list of numbers in the model's column order. */
    Matrix rows(JsonNode rows, String where) {
        requireList(rows, where, "a list of rows such as [[5.1, 3.5, 1.4, 0.2]]");
        int n = rows.size();
        requireRows(n, where);
        int cols = rowLength(rows.get(0), where + "[0]");
        Check.nFeatures(model.estimator(), model.classifier().nFeatures(), cols);
        double[] flat = new double[Math.multiplyExact(n, cols)];
        for (int i = 0; i < n; i++) {
            JsonNode row = rows.get(i);
            String at = where + "[" + i + "]";
            int len = rowLength(row, at);
            if (len != cols) {
                throw RequestException.badRequest(at + " has " + len + " values, but " + where + "[0] has " + cols
                        + "; all rows must have the same length.");
            }
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = number(row.get(j), at + "[" + j + "]");
            }
        }
        return Matrix.of(n, cols, flat);
    }

    /** A list of rows whose columns are named by {@code columns}; columns are matched to the model's feature names. */
    Matrix namedRows(List<String> columns, JsonNode rows, String where) {
        requireList(rows, where, "a list of rows");
        int n = rows.size();
        requireRows(n, where);
        int[] pick = columnIndex(columns, where);
        int f = pick.length;
        double[] flat = new double[Math.multiplyExact(n, f)];
        for (int i = 0; i < n; i++) {
            JsonNode row = rows.get(i);
            String at = where + "[" + i + "]";
            int len = rowLength(row, at);
            if (len != columns.size()) {
                throw RequestException.badRequest(at + " has " + len + " values, but there are " + columns.size() + " columns.");
            }
            for (int j = 0; j < f; j++) {
                flat[i * f + j] = number(row.get(pick[j]), at + "[" + pick[j] + "]");
            }
        }
        return Matrix.of(n, f, flat);
    }

    /** A list of objects mapping column name to number (pandas orient=records). */
    Matrix records(JsonNode records, String where) {
        requireList(records, where, "a list of objects such as [{\"sepal length (cm)\": 5.1, ...}]");
        int n = records.size();
        requireRows(n, where);
        List<String> names = model.featureNames();
        if (names.isEmpty()) {
            JsonNode first = records.get(0);
            requireObject(first, where + "[0]");
            names = new ArrayList<>();
            first.fieldNames().forEachRemaining(names::add);
            Check.nFeatures(model.estimator(), model.classifier().nFeatures(), names.size());
        }
        int f = names.size();
        double[] flat = new double[Math.multiplyExact(n, f)];
        for (int i = 0; i < n; i++) {
            JsonNode rec = records.get(i);
            String at = where + "[" + i + "]";
            requireObject(rec, at);
            for (int j = 0; j < f; j++) {
                JsonNode v = rec.get(names.get(j));
                if (v == null) {
                    throw RequestException.badRequest(at + " has no column " + Json.quote(names.get(j)) + "; every record needs "
                            + quoted(names) + ".");
                }
                flat[i * f + j] = number(v, at + "[" + Json.quote(names.get(j)) + "]");
            }
        }
        return Matrix.of(n, f, flat);
    }

    /** An object mapping column name to a list of numbers (TF-serving's columnar format). */
    Matrix columns(JsonNode object, String where) {
        requireObject(object, where);
        List<String> present = new ArrayList<>();
        object.fieldNames().forEachRemaining(present::add);
        int[] pick = columnIndex(present, where);
        int f = pick.length;
        JsonNode firstColumn = object.get(present.get(pick[0]));
        requireList(firstColumn, where + "[" + Json.quote(present.get(pick[0])) + "]", "a list of numbers");
        int n = firstColumn.size();
        requireRows(n, where);
        double[] flat = new double[Math.multiplyExact(n, f)];
        for (int j = 0; j < f; j++) {
            String name = present.get(pick[j]);
            String at = where + "[" + Json.quote(name) + "]";
            JsonNode col = object.get(name);
            requireList(col, at, "a list of numbers");
            if (col.size() != n) {
                throw RequestException.badRequest(at + " has " + col.size() + " values, but "
                        + where + "[" + Json.quote(present.get(pick[0])) + "] has " + n + "; all columns must have the same length.");
            }
            for (int i = 0; i < n; i++) {
                flat[i * f + j] = number(col.get(i), at + "[" + i + "]");
            }
        }
        return Matrix.of(n, f, flat);
    }

    /**
     * For each model feature, the index of its column among {@code columns}: by name when the model
     * knows its feature names (extra columns are ignored), else position for position.
     */
    int[] columnIndex(List<String> columns, String where) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (at.put(columns.get(i), i) != null) {
                throw RequestException.badRequest(where + " names column " + Json.quote(columns.get(i)) + " twice.");
            }
        }
        List<String> names = model.featureNames();
        int f = model.classifier().nFeatures();
        int[] pick = new int[f];
        if (names.isEmpty()) {
            Check.nFeatures(model.estimator(), f, columns.size());
            for (int j = 0; j < f; j++) {
                pick[j] = j;
            }
            return pick;
        }
        for (int j = 0; j < f; j++) {
            Integer i = at.get(names.get(j));
            if (i == null) {
                throw RequestException.badRequest(where + " has no column " + Json.quote(names.get(j))
                        + "; the model needs the columns " + quoted(names) + ".");
            }
            pick[j] = i;
        }
        return pick;
    }

    /** A JSON number as a double; anything else is a 400 naming where it was. */
    static double number(JsonNode v, String where) {
        if (v == null || !v.isNumber()) {
            throw RequestException.badRequest(where + " is " + Json.describe(v) + ", not a number.");
        }
        return v.doubleValue();
    }

    /** Names in scikit-learn's list repr: ['a', 'b']. */
    static String quoted(List<String> names) {
        StringBuilder b = new StringBuilder("[");
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            b.append('\'').append(it.next()).append('\'');
            if (it.hasNext()) {
                b.append(", ");
            }
        }
        return b.append(']').toString();
    }

    private void requireRows(int n, String where) {
        if (n == 0) {
            throw RequestException.badRequest(String.format(
                    "%s is empty: found array with 0 sample(s) (shape=(0, %d)) while a minimum of 1 is required by %s.",
                    where, model.classifier().nFeatures(), model.estimator()));
        }
    }

    private int rowLength(JsonNode row, String where) {
        if (row == null || !row.isArray()) {
            throw RequestException.badRequest(where + " is " + Json.describe(row)
                    + ", not a row; send rows as lists of numbers, e.g. [[5.1, 3.5, 1.4, 0.2]] (a 2-D array).");
        }
        return row.size();
    }

    private static void requireList(JsonNode n, String where, String expected) {
        if (n == null || !n.isArray()) {
            throw RequestException.badRequest(where + " is " + Json.describe(n) + "; expected " + expected + ".");
        }
    }

    private static void requireObject(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw RequestException.badRequest(where + " is " + Json.describe(n) + "; expected an object mapping column names to numbers.");
        }
    }
}
