package dev.petal.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code petal tune --policy} text: {@code none},
 * {@code bandit:slack_factor=0.1,evaluation_interval=1,delay_evaluation=5} (or
 * {@code slack_amount=}), {@code median:evaluation_interval=1,delay_evaluation=5} and
 * {@code truncation:truncation_percentage=20,evaluation_interval=1,delay_evaluation=5,exclude_finished_jobs=true}.
 * Settings not given take Azure's defaults (interval 1, delay 0, exclude_finished_jobs false).
 */
final class PolicySpecParser {
    private PolicySpecParser() {
    }

    static EarlyTerminationPolicy parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw error(String.valueOf(spec), "it is empty (expected none, bandit:..., median:... or truncation:...)");
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        String kind = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> settings = settings(spec, colon < 0 ? "" : s.substring(colon + 1));
        return switch (kind) {
            case "none" -> {
                allow(spec, kind, settings, List.of());
                yield EarlyTerminationPolicy.none();
            }
            case "bandit" -> bandit(spec, settings);
            case "median" -> {
                allow(spec, kind, settings, List.of("evaluation_interval", "delay_evaluation"));
                yield new MedianStoppingPolicy(integer(spec, settings, "evaluation_interval", 1),
                        integer(spec, settings, "delay_evaluation", 0));
            }
            case "truncation" -> {
                allow(spec, kind, settings, List.of("truncation_percentage", "evaluation_interval", "delay_evaluation",
                        "exclude_finished_jobs"));
                if (!settings.containsKey("truncation_percentage")) {
                    throw error(spec, "truncation needs truncation_percentage (an int from 1 to 99)");
                }
                yield new TruncationSelectionPolicy(integer(spec, settings, "truncation_percentage", 0),
                        integer(spec, settings, "evaluation_interval", 1), integer(spec, settings, "delay_evaluation", 0),
                        bool(spec, settings, "exclude_finished_jobs"));
            }
            default -> throw error(spec, "unknown policy '" + kind + "' (expected none, bandit, median or truncation)");
        };
    }

    private static EarlyTerminationPolicy bandit(String spec, Map<String, String> settings) {
        allow(spec, "bandit", settings, List.of("slack_factor", "slack_amount", "evaluation_interval", "delay_evaluation"));
        boolean factor = settings.containsKey("slack_factor");
        if (factor == settings.containsKey("slack_amount")) {
            throw error(spec, "bandit needs exactly one of slack_factor and slack_amount");
        }
        String key = factor ? "slack_factor" : "slack_amount";
        double slack = real(spec, settings.get(key), key);
        int interval = integer(spec, settings, "evaluation_interval", 1);
        int delay = integer(spec, settings, "delay_evaluation", 0);
        return factor ? BanditPolicy.slackFactor(slack, interval, delay) : BanditPolicy.slackAmount(slack, interval, delay);
    }

    private static Map<String, String> settings(String spec, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isBlank()) {
            return out;
        }
        for (String part : body.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw error(spec, "expected KEY=VALUE, got '" + part.strip() + "'");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (out.put(key, part.substring(eq + 1).strip()) != null) {
                throw error(spec, key + " is given twice");
            }
        }
        return out;
    }

    private static void allow(String spec, String kind, Map<String, String> settings, List<String> allowed) {
        for (String key : settings.keySet()) {
            if (!allowed.contains(key)) {
                throw error(spec, "unknown setting '" + key + "' for " + kind
                        + (allowed.isEmpty() ? " (it takes none)" : " (expected " + String.join(", ", allowed) + ")"));
            }
        }
    }

    private static int integer(String spec, Map<String, String> settings, String key, int dflt) {
        String v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.matches("[+-]?\\d{1,9}")) {
            throw error(spec, key + " must be an integer, got '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    private static double real(String spec, String v, String key) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error(spec, key + " must be a number, got '" + v + "'");
    }

    private static boolean bool(String spec, Map<String, String> settings, String key) {
        String v = settings.getOrDefault(key, "false").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(spec, key + " must be true or false, got '" + settings.get(key) + "'");
        };
    }

    private static IllegalArgumentException error(String spec, String why) {
        return new IllegalArgumentException("Invalid policy '" + spec.strip() + "': " + why + ".");
    }
}
