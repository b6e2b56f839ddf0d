package vn.qms.doccontrol.platform.eventstore.mongo;

/**
 * The global indexes one commit took from the sequence: {@code first..last}, one per event, in the
 * order of the commit's events.
 */
public record IndexBlock(long first, long last) {

    public IndexBlock {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("Not a block of global indexes: " + first + ".." + last);
        }
    }

    public int size() {
        return Math.toIntExact(last - first + 1);
    }
}
