package vn.qms.doccontrol.benchmark;

import java.util.Arrays;

/** Percentiles of a set of samples (nearest rank), and the rounding the reports use. */
public final class Stats {

    private Stats() {
    }

    public static double percentile(double[] samples, double percent) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double median(double[] samples) {
        return percentile(samples, 50);
    }

    /** Two decimals: enough for milliseconds and ratios, and stable to read in a JSON diff. */
    public static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
