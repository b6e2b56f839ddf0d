package vn.qms.doccontrol.query.projection;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * The tracking processors of the query side. Each is named after its processing group, runs one
 * segment on one thread, and keeps its token in MongoDB next to the read models it writes.
 */
public final class ProcessingGroups {

    /** Writes the {@code register} and {@code revisions} collections. */
    public static final String DOCUMENT_REGISTER = "document-register";
    /** Writes the {@code audit_trail} collection (and its per-document index and counter). */
    public static final String AUDIT_TRAIL = "audit-trail";

    public static final List<String> ALL = List.of(DOCUMENT_REGISTER, AUDIT_TRAIL);

    /** The group's tracking processor; every group of {@link #ALL} has one. */
    static TrackingEventProcessor processor(EventProcessingConfiguration processing, String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor named " + group));
    }

    private ProcessingGroups() {
    }
}
