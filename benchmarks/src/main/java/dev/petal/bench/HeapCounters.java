package dev.petal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Heap figures for one single-shot fit, reported by JMH next to its time: the peak heap in use during
 * the fit (the heap pools' peak usage, reset after a GC before the fit, so garbage not yet collected
 * counts too: an upper bound of what the fit needs) and the bytes allocated by every thread meanwhile.
 * The GC and the baselines run in an invocation-level setup, outside the timed fit.
 *
 * <p>JMH sums {@code EVENTS} counters over the measured iterations: the score it prints is the total of the
 * measured fits (5 by default), so divide by the iteration count; {@code -rf json} lists each fit's value.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class HeapCounters {
    /** Peak heap in use during the fit, MB. */
    public double peakHeapMb;
    /** Bytes allocated by all threads during the fit, MB. */
    public double allocatedMb;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long allocatedBefore;

    /** Clears the counters for the next iteration. */
    @Setup(Level.Iteration)
    public void clear() {
        peakHeapMb = 0;
        allocatedMb = 0;
    }

    /** Before each fit, outside the timed region: a GC, then the peak and allocation baselines. */
    @Setup(Level.Invocation)
    public void start() {
        System.gc();
        for (MemoryPoolMXBean p : heapPools) {
            p.resetPeakUsage();
        }
        allocatedBefore = allocatedByAll();
    }

    void stop() {
        long peak = 0;
        for (MemoryPoolMXBean p : heapPools) {
            peak += p.getPeakUsage().getUsed();
        }
        peakHeapMb = peak / 1048576.0;
        allocatedMb = (allocatedByAll() - allocatedBefore) / 1048576.0;
    }

    private long allocatedByAll() {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }
}
