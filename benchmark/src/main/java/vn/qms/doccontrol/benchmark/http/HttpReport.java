package vn.qms.doccontrol.benchmark.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The HTTP results as the table docs/benchmarks.md shows, each figure next to its target. */
final class HttpReport {

    private HttpReport() {
    }

    static String markdown(JsonNode r) {
        StringBuilder t = new StringBuilder();
        t.append("Run ").append(r.get("date").asText()).append(" on ").append(r.get("machine").asText())
                .append("; sizes: ").append(r.get("sizes_label").asText()).append("; authentication: ")
                .append(r.path("auth_scheme").asText()).append("\n\n");
        t.append("| measure | value | target | met |\n|---|---:|---:|:-:|\n");
        row(t, "writes/s, 1 client (p50 / p99 ms)", r, "writes_per_s_1", "write_p50_ms_1", "write_p99_ms_1");
        row(t, "writes/s, 4 clients (p50 / p99 ms)", r, "writes_per_s_4", "write_p50_ms_4", "write_p99_ms_4");
        row(t, "writes/s, 16 clients (p50 / p99 ms)", r, "writes_per_s_16", "write_p50_ms_16", "write_p99_ms_16");
        t.append(String.format(Locale.ROOT, "| raw driver ceiling, inserts/s (16 threads) | %,.0f | | |%n", r.get("ceiling_inserts_per_s").asDouble()));
        t.append(String.format(Locale.ROOT, "| raw driver ceiling, reads by _id/s (16 threads) | %,.0f | | |%n", r.get("ceiling_reads_per_s").asDouble()));
        target(t, "write_ratio (writes/s at 16 clients ÷ ceiling inserts/s)", r.get("write_ratio").asDouble(), "≥ 0.3", r.get("write_ratio").asDouble() >= 0.3);
        t.append(String.format(Locale.ROOT, "| projection lag under 16 clients, register p50 / p99 ms | %.1f / %.1f | | |%n",
                r.get("lag_register_p50_ms").asDouble(), r.get("lag_register_p99_ms").asDouble()));
        t.append(String.format(Locale.ROOT, "| projection lag under 16 clients, audit trail p50 / p99 ms | %.1f / %.1f | | |%n",
                r.get("lag_audit_p50_ms").asDouble(), r.get("lag_audit_p99_ms").asDouble()));
        target(t, "lag_p99_ms", r.get("lag_p99_ms").asDouble(), "< 250", r.get("lag_p99_ms").asDouble() < 250);
        for (String size : new String[] {"small", "large"}) {
            JsonNode reads = r.get("reads_" + size);
            reads.fieldNames().forEachRemaining(name -> {
                if (name.endsWith("_p99_ms") && !name.equals("worst_p99_ms")) {
                    String read = name.substring(0, name.length() - "_p99_ms".length());
                    double p99 = reads.get(name).asDouble();
                    t.append(String.format(Locale.ROOT, "| read at %,d events: %s, p50 / p99 ms | %.2f / %.2f | p99 < 25 | %s |%n",
                            reads.get("events").asLong(), read.replace('_', ' '), reads.get(read + "_p50_ms").asDouble(), p99,
                            p99 < 25 ? "yes" : "no"));
                }
            });
        }
        target(t, "read_growth_ratio (worst p99, large ÷ small)", r.get("read_growth_ratio").asDouble(), "≤ 1.5",
               r.get("read_growth_ratio").asDouble() <= 1.5);
        target(t, "replay_events_per_s (rebuild of every read model)", r.get("replay_events_per_s").asDouble(), "≥ 5,000",
               r.get("replay_events_per_s").asDouble() >= 5000);
        t.append(String.format(Locale.ROOT, "| refused writes during the load | %d | 0 | %s |%n", r.get("failed_writes").asLong(),
                r.get("failed_writes").asLong() == 0 ? "yes" : "no"));
        return t.toString();
    }

    private static void row(StringBuilder t, String label, JsonNode r, String rate, String p50, String p99) {
        t.append(String.format(Locale.ROOT, "| %s | %,.0f (%.1f / %.1f) | | |%n", label, r.get(rate).asDouble(),
                r.get(p50).asDouble(), r.get(p99).asDouble()));
    }

    private static void target(StringBuilder t, String label, double value, String target, boolean met) {
        t.append(String.format(Locale.ROOT, "| %s | %,.2f | %s | %s |%n", label, value, target, met ? "yes" : "no"));
    }
}
