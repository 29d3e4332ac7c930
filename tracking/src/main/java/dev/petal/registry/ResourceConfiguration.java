package dev.petal.registry;

/**
 * The resources a deployed model asks for, Azure's {@code ResourceConfiguration}.
 *
 * @param cpu CPU cores, e.g. 1
 * @param memoryInGb memory in GB, e.g. 0.5
 */
public record ResourceConfiguration(double cpu, double memoryInGb) {
    /** Validates that both are positive and finite. */
    public ResourceConfiguration {
        if (!(cpu > 0) || !Double.isFinite(cpu)) {
            throw new IllegalArgumentException("resource configuration cpu must be a positive number, got " + cpu);
        }
        if (!(memoryInGb > 0) || !Double.isFinite(memoryInGb)) {
            throw new IllegalArgumentException("resource configuration memoryInGb must be a positive number, got "
                    + memoryInGb);
        }
    }
}
