package dev.petal.tracking;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a submitted run was defined, Azure's {@code get_details()['runDefinition']}.
 *
 * @param script the {@code .java} file or main class
 * @param arguments the script's arguments
 * @param sourceDirectory the submitted source directory, or null
 * @param computeTarget {@code local} or {@code inprocess}
 * @param environmentName the environment's name
 * @param jvmOptions the child JVM's extra options
 * @param environmentVariables the child JVM's extra environment variables
 * @param maxRunDuration the duration after which the run is canceled
 */
public record RunDefinition(String script, List<String> arguments, String sourceDirectory, String computeTarget,
                            String environmentName, List<String> jvmOptions, Map<String, String> environmentVariables,
                            Duration maxRunDuration) {
    /** Copies the lists and maps. */
    public RunDefinition {
        arguments = List.copyOf(arguments);
        jvmOptions = List.copyOf(jvmOptions);
        environmentVariables = Map.copyOf(environmentVariables);
    }
}
