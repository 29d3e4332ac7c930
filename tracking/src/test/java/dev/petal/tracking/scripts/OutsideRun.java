package dev.petal.tracking.scripts;

import dev.petal.tracking.Run;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Uses Run.getContext() outside any submitted run: closes it (try-with-resources), fails it on {@code --fail}, or
 * leaves it running on {@code --forget}; then prints what Petal left installed in the JVM (needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} to count the shutdown hooks).
 */
public final class OutsideRun {
    private OutsideRun() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        int hooksBefore = shutdownHooks();
        if (mode.equals("--forget")) {
            Run.getContext().log("outside", 1);
        } else if (mode.equals("--fail")) {
            Run run = Run.getContext();
            try {
                run.log("outside", 1);
                throw new IllegalStateException("failed outside a run");
            } catch (IllegalStateException e) {
                run.fail(e);
            }
        } else {
            try (Run run = Run.getContext()) {
                run.log("outside", 1);
                if (Run.getContext() != run) {
                    throw new AssertionError("getContext must return the same run within a process");
                }
            }
        }
        System.out.println("default handler: " + Thread.getDefaultUncaughtExceptionHandler()
                + ", shutdown hooks added: " + (shutdownHooks() - hooksBefore));
    }

    private static int shutdownHooks() throws ReflectiveOperationException {
        Field hooks = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
        hooks.setAccessible(true);
        synchronized (Class.forName("java.lang.ApplicationShutdownHooks")) {
            return ((Map<?, ?>) hooks.get(null)).size();
        }
    }
}
