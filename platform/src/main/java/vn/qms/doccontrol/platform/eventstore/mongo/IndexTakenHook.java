package vn.qms.doccontrol.platform.eventstore.mongo;

/**
 * Called by a writer after it took its global indexes and before its events are visible: the window
 * in which a tracking reader sees a gap. Production code has no use for it; tests use it to stall a
 * writer there (a stalled or paused process) or to kill the process at the worst moment.
 */
@FunctionalInterface
public interface IndexTakenHook {

    IndexTakenHook NONE = block -> {
    };

    void indexTaken(IndexBlock block);
}
