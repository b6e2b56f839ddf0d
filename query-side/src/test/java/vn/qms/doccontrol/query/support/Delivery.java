package vn.qms.doccontrol.query.support;

/** An event as a tracking processor delivers it: payload, aggregate sequence number and event id. */
public record Delivery(Object event, long sequence, String eventId) {
}
