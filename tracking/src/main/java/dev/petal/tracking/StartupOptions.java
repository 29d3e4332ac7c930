package dev.petal.tracking;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up options a child JVM of a run or trial inherits from this JVM: the class-data sharing
 * archive that {@code bin/petal} starts from (usable by a child whose class path begins with the same
 * jar), the choice of garbage collector and {@code bin/petal}'s heap settings for fitting models (large
 * arrays allocated in the old generation, small fixed TLABs). A run's own {@link Environment#jvmOptions()}
 * come after these, so they override them.
 */
final class StartupOptions {
    private StartupOptions() {
    }

    /** The inherited options, in the parent's order; empty when the parent was started without any. */
    static List<String> inherited() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:SharedArchiveFile=") || a.equals("-XX:+UseSerialGC") || a.startsWith("-Xlog:cds")
                    || a.startsWith("-Xshare:") || a.startsWith("-XX:PretenureSizeThreshold=") || a.equals("-XX:-ResizeTLAB")
                    || a.startsWith("-XX:TLABSize=")) {
                out.add(a);
            }
        }
        return out;
    }
}
