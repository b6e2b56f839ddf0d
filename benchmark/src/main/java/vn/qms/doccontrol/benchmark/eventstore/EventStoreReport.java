package vn.qms.doccontrol.benchmark.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The event-store results as the table docs/benchmarks.md shows. */
final class EventStoreReport {

    private EventStoreReport() {
    }

    static String markdown(JsonNode r) {
        JsonNode ours = r.get("ours");
        JsonNode ext = r.get("axon_mongo_extension");
        String small = String.format(Locale.ROOT, "%,d events", r.get("small_events").asInt());
        String large = String.format(Locale.ROOT, "%,d events", r.get("large_events").asInt());
        StringBuilder t = new StringBuilder();
        t.append("Run ").append(r.get("date").asText()).append(" on ").append(r.get("machine").asText())
                .append(" (sizes: ").append(r.get("sizes_label").asText()).append(")\n\n");
        t.append("| measure | ").append(small).append(" | ").append(large).append(" | cost ratio (large / small) |\n");
        t.append("|---|---:|---:|---:|\n");
        rate(t, "ours: commands/s, 1 writer", ours, "commands_per_s_1", "command_cost_ratio_1");
        rate(t, "ours: commands/s, 8 writers", ours, "commands_per_s_8", "command_cost_ratio_8");
        rate(t, "ours: tracking catch-up, events/s", ours, "catch_up_events_per_s", "catch_up_cost_ratio");
        ms(t, "ours: load a 65-event document, no snapshot (median ms)", ours, "load_without_snapshot_ms");
        ms(t, "ours: load a 65-event document from its snapshot (median ms)", ours, "load_with_snapshot_ms");
        rate(t, "axon-mongo extension: commands/s, 1 writer", ext, "commands_per_s_1", "command_cost_ratio_1");
        rate(t, "axon-mongo extension: commands/s, 8 writers", ext, "commands_per_s_8", "command_cost_ratio_8");
        rate(t, "axon-mongo extension: catch-up, events/s (at most 20 s)", ext, "catch_up_events_per_s", "catch_up_cost_ratio");
        t.append(String.format(Locale.ROOT, "| ours / extension, commands/s, 1 writer | %.1f× | %.1f× | |%n",
                r.get("speedup_1_small").asDouble(), r.get("speedup_1_large").asDouble()));
        t.append(String.format(Locale.ROOT, "| ours / extension, commands/s, 8 writers | %.1f× | %.1f× | |%n",
                r.get("speedup_8_small").asDouble(), r.get("speedup_8_large").asDouble()));
        t.append(String.format(Locale.ROOT, "| ours / extension, catch-up | %.1f× | %.1f× | |%n",
                r.get("catch_up_speedup_small").asDouble(), r.get("catch_up_speedup_large").asDouble()));
        return t.toString();
    }

    private static void rate(StringBuilder t, String label, JsonNode node, String key, String ratio) {
        t.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |%n", label,
                node.get(key + "_small").asDouble(), node.get(key + "_large").asDouble(), node.get(ratio).asDouble()));
    }

    private static void ms(StringBuilder t, String label, JsonNode node, String key) {
        t.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", label,
                node.get(key + "_small").asDouble(), node.get(key + "_large").asDouble(), node.get(key + "_ratio").asDouble()));
    }
}
