package dev.petal.bench;

import dev.petal.linalg.Matrix;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A quick before/after probe for speed work: fits and predicts one data set several times and prints
 * wall time, the process's CPU time and a SHA-256 fingerprint of every fitted array and every decision
 * value, so a speed change can be checked to leave the results bit-identical on large data.
 *
 * <p>Usage: {@code Probe DATA KERNEL [REPEATS] [proba]} with DATA one of {@code binary20_N}, {@code multi4x30_N},
 * {@code digits}; {@code proba} fits with probability=true and random_state=0.
 */
public final class Probe {
    private Probe() {
    }

    /** Runs the probe; see the class comment for arguments. */
    public static void main(String[] args) throws Exception {
        String data = args[0];
        Kernel kernel = Kernel.parse(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        BenchData[] tt = Sets.trainTest(data);
        SVC svc = SVC.defaults().withKernel(kernel);
        if (args.length > 3 && args[3].equals("proba")) {
            svc = svc.withProbability(true).withRandomState(0L);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            SVCModel m = svc.fit(tt[0].x(), tt[0].y());
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            Matrix dec = m.decisionFunction(tt[1].x());
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            int[] pred = m.predict(tt[1].x());
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s %s run %d: fit %.3f s (cpu %.3f), decision %.3f s (cpu %.3f), predict %.3f s, nSV %d, sha %s%n",
                    data, args[1], r, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, (t3 - t2) / 1e9,
                    m.supportVectors().rows(), fingerprint(m, dec, pred));
        }
    }

    static String fingerprint(SVCModel m, Matrix dec, int[] pred) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(8);
        for (int v : m.support()) {
            md.update(b.clear().putLong(v).array());
        }
        for (double[] row : m.dualCoef()) {
            for (double v : row) {
                md.update(b.clear().putDouble(v).array());
            }
        }
        for (double v : m.intercept()) {
            md.update(b.clear().putDouble(v).array());
        }
        for (double v : m.probA()) {
            md.update(b.clear().putDouble(v).array());
        }
        for (double v : m.probB()) {
            md.update(b.clear().putDouble(v).array());
        }
        for (int v : m.nIter()) {
            md.update(b.clear().putLong(v).array());
        }
        for (double v : dec.toFlatArray()) {
            md.update(b.clear().putDouble(v).array());
        }
        for (int v : pred) {
            md.update(b.clear().putLong(v).array());
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
}
