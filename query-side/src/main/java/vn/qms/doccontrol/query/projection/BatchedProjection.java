package vn.qms.doccontrol.query.projection;

import java.util.List;

/**
 * A projection that writes a tracking processor's batch of events together: its processing group's
 * interceptor ({@link TrackingProcessorsConfiguration}) calls {@link #beginBatch} before the
 * batch's first event and {@link #endBatch()} after its last, which is before the processor stores
 * its token; so a crash loses no write the token claims. Outside a batch it writes each event at once.
 */
public interface BatchedProjection {

    /** The processing group whose batches these are. */
    String processingGroup();

    /**
     * Before the first event of a batch: collect from now on, forgetting what a failed batch left.
     * {@code payloads} are the batch's events, so that what their handlers will read can be read in
     * one query instead of one per event.
     */
    void beginBatch(List<?> payloads);

    /** After the last event of a batch: write what was collected. */
    void endBatch();
}
