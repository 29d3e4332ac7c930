package dev.petal.metrics;

import dev.petal.check.PyFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** scikit-learn 1.2.1's {@code classification_report} text, byte for byte (Python's format rules included). */
final class ClassificationReport {
    private static final String LONGEST_HEADING = "weighted avg";

    private ClassificationReport() {
    }

    static String text(int[] yTrue, int[] yPred, int[] labels, List<String> targetNames, int digits) {
        Metrics.checkTargets(yTrue, yPred);
        if (digits < 0) {
            throw new IllegalArgumentException("digits must be at least 0, got " + digits + ".");
        }
        int[] present = Metrics.uniqueLabels(yTrue, yPred);
        boolean labelsGiven = labels != null;
        labels = labelsGiven ? labels.clone() : present;
        boolean microIsAccuracy = !labelsGiven || asSet(labels).equals(asSet(present));
        if (targetNames != null && targetNames.size() != labels.length) {
            if (labelsGiven) {
                throw new IllegalArgumentException("labels size, " + labels.length + ", does not match size of target_names, "
                        + targetNames.size() + ".");
            }
            throw new IllegalArgumentException("Number of classes, " + labels.length + ", does not match size of target_names, "
                    + targetNames.size() + ". Try specifying the labels parameter");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            names.add(targetNames == null ? Integer.toString(labels[i]) : targetNames.get(i));
        }
        ClassScores per = Metrics.classScores(yTrue, yPred, labels);
        int width = LONGEST_HEADING.length();
        for (String n : names) {
            width = Math.max(width, length(n));
        }
        width = Math.max(width, digits);
        StringBuilder sb = new StringBuilder();
        sb.append(right("", width)).append(' ');
        for (String h : new String[] {"precision", "recall", "f1-score", "support"}) {
            sb.append(' ').append(right(h, 9));
        }
        sb.append("\n\n");
        double[] p = per.precision();
        double[] r = per.recall();
        double[] f = per.f1();
        int[] s = per.support();
        long total = 0;
        for (int i = 0; i < labels.length; i++) {
            row(sb, names.get(i), p[i], r[i], f[i], s[i], width, digits);
            total += s[i];
        }
        sb.append('\n');
        for (Average avg : List.of(Average.MICRO, Average.MACRO, Average.WEIGHTED)) {
            Scores sc = Metrics.scores(yTrue, yPred, labels, avg);
            if (avg == Average.MICRO && microIsAccuracy) {
                sb.append(right("accuracy", width)).append(' ')
                        .append(' ').append(right("", 9))
                        .append(' ').append(right("", 9))
                        .append(' ').append(right(PyFormat.fixed(sc.f1(), digits), 9))
                        .append(' ').append(right(Long.toString(total), 9)).append('\n');
            } else {
                String heading = ((Average.Multi) avg).name().toLowerCase(java.util.Locale.ROOT) + " avg";
                row(sb, heading, sc.precision(), sc.recall(), sc.f1(), total, width, digits);
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double p, double r, double f, long support, int width, int digits) {
        sb.append(right(name, width)).append(' ')
                .append(' ').append(right(PyFormat.fixed(p, digits), 9))
                .append(' ').append(right(PyFormat.fixed(r, digits), 9))
                .append(' ').append(right(PyFormat.fixed(f, digits), 9))
                .append(' ').append(right(Long.toString(support), 9)).append('\n');
    }

    private static String right(String s, int width) {
        int pad = width - length(s);
        return pad <= 0 ? s : " ".repeat(pad) + s;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static Set<Integer> asSet(int[] values) {
        Set<Integer> set = new HashSet<>();
        Arrays.stream(values).forEach(set::add);
        return set;
    }
}
