package dev.petal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The one line said when the heap runs out: which file, how large, how much heap, and how to give more. */
final class OutOfMemory {
    private OutOfMemory() {
    }

    /** Whether {@code t} or one of its causes is an {@link OutOfMemoryError}. */
    static OutOfMemoryError find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /** The message for an out-of-memory error of the command line {@code args}. */
    static String explain(OutOfMemoryError e, String[] args) {
        long max = Runtime.getRuntime().maxMemory();
        String data = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--data")) {
                data = args[i + 1];
            } else if (args[i].startsWith("--data=")) {
                data = args[i].substring("--data=".length());
            }
        }
        String what = "";
        if (data != null) {
            String size = "";
            try {
                if (!data.equals("-")) {
                    size = " (" + mb(Files.size(Path.of(data))) + ")";
                }
            } catch (IOException | RuntimeException ignored) {
                // the size is a courtesy
            }
            what = " with " + data + size;
        }
        long suggest = Math.max(2 * max, 1L << 30);
        return String.format(Locale.ROOT, "out of memory%s: the Java heap of %s is full; give Petal more, e.g. "
                + "PETAL_JAVA_OPTS=-Xmx%dg (this machine has %s), or use fewer rows or columns", what, mb(max),
                (suggest + (1L << 30) - 1) >> 30, mb(physical()));
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }

    private static long physical() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
