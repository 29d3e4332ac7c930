package dev.petal.cli;

import dev.petal.tracking.ComputeTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --spark-conf KEY=VALUE} option (repeatable) of the commands that take a Spark {@code --target}. */
final class SparkConfOption {
    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "A Spark setting for a Spark --target, such as"
            + " spark.executor.memory=2g (repeatable; it wins over the named target's \"conf\").")
    Map<String, String> conf = new LinkedHashMap<>();

    /** {@code target} with the settings given, or {@code target} itself when none were; a usage error otherwise. */
    ComputeTarget apply(ComputeTarget target, CommandLine cl) {
        if (conf.isEmpty()) {
            return target;
        }
        try {
            return target.withSparkConf(conf);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--spark-conf: " + e.getMessage());
        }
    }
}
