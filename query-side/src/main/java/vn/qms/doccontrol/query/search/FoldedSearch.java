package vn.qms.doccontrol.query.search;

/**
 * A search term as the user typed it, folded once. Matching is a plain substring test on keys folded
 * the same way, so nothing the user typed ever reaches the database as a pattern or operator.
 */
public final class FoldedSearch {

    private final String foldedTerm;

    private FoldedSearch(String foldedTerm) {
        this.foldedTerm = foldedTerm;
    }

    /** A term that folds to nothing (blank, only marks) matches everything, like no term at all. */
    public static FoldedSearch of(String term) {
        String folded = VietnameseFolding.fold(term);
        return new FoldedSearch(folded == null ? "" : folded);
    }

    public boolean matchesAny(String... foldedKeys) {
        if (foldedTerm.isEmpty()) {
            return true;
        }
        for (String key : foldedKeys) {
            if (key != null && key.contains(foldedTerm)) {
                return true;
            }
        }
        return false;
    }
}
