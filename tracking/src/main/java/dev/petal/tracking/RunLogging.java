package dev.petal.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.security.SecureRandom;

/** Validation and storage of the values {@link Run}'s log methods receive, and Azure-style summaries of them. */
final class RunLogging {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunLogging() {
    }

    static void checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name must not be blank");
        }
        if (name.length() > 255) {
            throw new IllegalArgumentException(what + " name '" + name.substring(0, 40) + "…' is longer than 255 characters");
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException(what + " name '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "' contains a control character");
        }
    }

    private static Object checkValue(String name, Object v) {
        if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalArgumentException("metric '" + name + "' value " + v
                    + " is not a finite number; log it as a string if you mean it");
        }
        if (v instanceof Number || v instanceof String || v instanceof Boolean) {
            return v;
        }
        throw new IllegalArgumentException("metric '" + name + "' value " + v + " ("
                + (v == null ? "null" : v.getClass().getSimpleName()) + ") must be a number or a string");
    }

    static void scalar(Run run, String name, Object value, Long step) {
        checkName("metric", name);
        run.appendMetrics(List.of(new MetricLog.Entry(name, MetricType.SCALAR, checkValue(name, value), step)));
    }

    /** Logs several named numbers or strings with one write, all at {@code step} (or none). */
    static void scalars(Run run, Map<String, ?> values, Long step) {
        List<MetricLog.Entry> entries = new ArrayList<>(values.size());
        values.forEach((name, value) -> {
            checkName("metric", name);
            entries.add(new MetricLog.Entry(name, MetricType.SCALAR, checkValue(name, value), step));
        });
        run.appendMetrics(entries);
    }

    /** The longest parameter value accepted (MLflow's limit). */
    static final int MAX_PARAM_LENGTH = 6000;

    /** Checks parameters and returns their string forms (numbers as Python prints them), in the given order. */
    static Map<String, String> params(Map<String, ?> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            checkName("param", k);
            if (v == null) {
                throw new IllegalArgumentException("param '" + k + "' has no value (null); log a string such as \"None\"");
            }
            String text = v instanceof Double d ? dev.petal.check.PyRepr.of(d)
                    : v instanceof Float f ? dev.petal.check.PyRepr.of(f.doubleValue()) : String.valueOf(v);
            if (text.length() > MAX_PARAM_LENGTH) {
                throw new IllegalArgumentException("param '" + k + "' value is " + text.length()
                        + " characters long; at most " + MAX_PARAM_LENGTH + " are kept");
            }
            out.put(k, text);
        });
        return out;
    }

    static void list(Run run, String name, List<?> values) {
        checkName("metric", name);
        List<Object> copy = new ArrayList<>();
        for (Object v : values) {
            copy.add(checkValue(name, v));
        }
        run.appendMetrics(List.of(new MetricLog.Entry(name, MetricType.LIST, copy, null)));
    }

    static void row(Run run, String name, Map<String, ?> row) {
        checkName("metric", name);
        if (row.isEmpty()) {
            throw new IllegalArgumentException("row '" + name + "' has no columns");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((k, v) -> copy.put(k, checkValue(name + "." + k, v)));
        run.appendMetrics(List.of(new MetricLog.Entry(name, MetricType.ROW, copy, null)));
    }

    static void table(Run run, String name, Map<String, ? extends List<?>> table) {
        checkName("metric", name);
        if (table.isEmpty()) {
            throw new IllegalArgumentException("table '" + name + "' has no columns");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        int length = -1;
        for (Map.Entry<String, ? extends List<?>> e : table.entrySet()) {
            List<Object> col = new ArrayList<>();
            for (Object v : e.getValue()) {
                col.add(checkValue(name + "." + e.getKey(), v));
            }
            if (length >= 0 && col.size() != length) {
                throw new IllegalArgumentException("table '" + name + "' column '" + e.getKey() + "' has " + col.size()
                        + " values but the columns before it have " + length);
            }
            length = col.size();
            copy.put(e.getKey(), col);
        }
        run.appendMetrics(List.of(new MetricLog.Entry(name, MetricType.TABLE, copy, null)));
    }

    static void image(Run run, String name, Path file) {
        checkName("metric", name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("image file " + file + " does not exist");
        }
        String fn = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = fn.lastIndexOf('.');
        String ext = dot < 0 ? "" : fn.substring(dot + 1);
        if (!List.of("png", "jpg", "jpeg", "gif", "svg").contains(ext)) {
            throw new IllegalArgumentException("image file " + file + " must be .png, .jpg, .jpeg, .gif or .svg");
        }
        try {
            storeImage(run, name, Files.readAllBytes(file), ext);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    static void image(Run run, String name, byte[] png) {
        checkName("metric", name);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (png.length < magic.length || !java.util.Arrays.equals(png, 0, magic.length, magic, 0, magic.length)) {
            throw new IllegalArgumentException("image '" + name + "' bytes are not a PNG (no PNG signature)");
        }
        storeImage(run, name, png.clone(), "png");
    }

    private static void storeImage(Run run, String name, byte[] bytes, String ext) {
        byte[] r = new byte[4];
        RANDOM.nextBytes(r);
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String rel = "images/" + safe + "_" + System.currentTimeMillis() + "_" + HexFormat.of().formatHex(r) + "." + ext;
        Path target = run.folder().resolve(rel);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image " + target + ": " + e.getMessage(), e);
        }
        run.appendMetrics(List.of(new MetricLog.Entry(name, MetricType.IMAGE, rel, null)));
    }

    static void confusionMatrix(Run run, String name, Map<String, Object> json) {
        checkName("metric", name);
        run.appendMetrics(List.of(new MetricLog.Entry(name, MetricType.CONFUSION_MATRIX, json, null)));
    }

    /** Azure's {@code get_metrics()} view of a value log. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> summarize(List<Metric> metrics) {
        Map<String, List<Metric>> byName = new LinkedHashMap<>();
        metrics.forEach(m -> byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m));
        Map<String, Object> out = new LinkedHashMap<>();
        byName.forEach((name, ms) -> {
            MetricType type = ms.get(ms.size() - 1).type();
            if (type == MetricType.ROW || type == MetricType.TABLE) {
                Map<String, List<Object>> cols = new LinkedHashMap<>();
                for (Metric m : ms) {
                    if (m.value() instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> {
                            List<Object> col = cols.computeIfAbsent((String) k, c -> new ArrayList<>());
                            if (m.type() == MetricType.TABLE) {
                                col.addAll((List<Object>) v);
                            } else {
                                col.add(v);
                            }
                        });
                    }
                }
                out.put(name, cols);
            } else if (ms.size() == 1) {
                out.put(name, ms.get(0).value());
            } else {
                List<Object> values = new ArrayList<>();
                ms.forEach(m -> values.add(m.value()));
                out.put(name, values);
            }
        });
        return out;
    }
}
