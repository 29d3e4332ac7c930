package dev.petal.metrics;

/**
 * Integer arrays printed exactly as NumPy 1.24's {@code print(array)} (that is {@code str(array)}) prints
 * them with default print options: right-aligned columns as wide as the widest number, rows wrapped at
 * 75 characters, and arrays of more than 1000 entries summarized with {@code ...} and 3 edge items.
 *
 * <p>{@code NumpyFormat.format(Metrics.confusionMatrix(yTest, pred))} gives
 * {@code [[13  0  0]\n [ 0 15  1]\n [ 0  0  9]]}, as {@code print(confusion_matrix(y_test, pred))} does.
 */
public final class NumpyFormat {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final String SUMMARY = "...";

    private NumpyFormat() {
    }

    /** {@code str(np.array(matrix))} for a rectangular int matrix. */
    public static String format(int[][] matrix) {
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        for (int[] r : matrix) {
            if (r.length != cols) {
                throw new IllegalArgumentException("matrix rows must all have the same length; found " + cols + " and " + r.length + ".");
            }
        }
        if ((long) rows * cols == 0) {
            return "[]";
        }
        boolean summarize = (long) rows * cols > THRESHOLD;
        int[] shownRows = shown(rows, summarize);
        int[] shownCols = shown(cols, summarize);
        int width = 0;
        for (int i : shownRows) {
            for (int j : shownCols) {
                width = Math.max(width, Integer.toString(matrix[i][j]).length());
            }
        }
        boolean rowSummary = summarize && rows > 2 * EDGE_ITEMS;
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < shownRows.length; k++) {
            if (rowSummary && k == EDGE_ITEMS) {
                s.append(' ').append(SUMMARY).append('\n');
            }
            s.append(' ').append(line(matrix[shownRows[k]], shownCols, summarize && cols > 2 * EDGE_ITEMS, width, "  ",
                    LINE_WIDTH - 1));
            if (k < shownRows.length - 1) {
                s.append('\n');
            }
        }
        return "[" + s.substring(1) + "]";
    }

    /** {@code str(np.array(vector))} for an int vector. */
    public static String format(int[] vector) {
        if (vector.length == 0) {
            return "[]";
        }
        boolean summarize = vector.length > THRESHOLD;
        int[] shown = shown(vector.length, summarize);
        int width = 0;
        for (int j : shown) {
            width = Math.max(width, Integer.toString(vector[j]).length());
        }
        return line(vector, shown, summarize && vector.length > 2 * EDGE_ITEMS, width, " ", LINE_WIDTH);
    }

    /** The indices NumPy shows along an axis: all, or the first and last three when summarizing. */
    private static int[] shown(int n, boolean summarize) {
        if (summarize && n > 2 * EDGE_ITEMS) {
            int[] idx = new int[2 * EDGE_ITEMS];
            for (int i = 0; i < EDGE_ITEMS; i++) {
                idx[i] = i;
                idx[EDGE_ITEMS + i] = n - EDGE_ITEMS + i;
            }
            return idx;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** One bracketed row, wrapped as NumPy's {@code _formatArray} wraps the last axis. */
    private static String line(int[] values, int[] shown, boolean summary, int width, String indent, int currWidth) {
        int elemWidth = currWidth - 1; // max(len(separator.rstrip()), len(']'))
        StringBuilder s = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (int k = 0; k < shown.length; k++) {
            if (summary && k == EDGE_ITEMS) {
                extend(s, line, SUMMARY, elemWidth, indent);
                line.append(' ');
            }
            String word = pad(Integer.toString(values[shown[k]]), width);
            extend(s, line, word, elemWidth, indent);
            if (k < shown.length - 1) {
                line.append(' ');
            }
        }
        s.append(line);
        return "[" + s.substring(indent.length()) + "]";
    }

    private static void extend(StringBuilder s, StringBuilder line, String word, int lineWidth, String indent) {
        boolean wrap = line.length() + word.length() > lineWidth && line.length() > indent.length();
        if (wrap) {
            s.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(indent);
        }
        line.append(word);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
