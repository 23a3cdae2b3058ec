package io.verbatim.audit;

/**
 * Walks the chain in position order and reports the first broken link: an entry whose stored hash is not the
 * hash of its fields (changed), whose previous hash is not the one before it (an entry removed or reordered), or
 * a missing position. Finally the head must name the last entry seen (the newest ones removed).
 */
final class ChainVerifier {

    static final String GENESIS = "0".repeat(64);

    private final String chain;
    private long expectedPosition = 1;
    private String expectedPrevious = GENESIS;
    private ChainVerification broken;

    /** @param chain the PBX whose chain is walked; {@code null} for the deployment's */
    ChainVerifier(String chain) {
        this.chain = chain;
    }

    /** @return false once a broken link is found (no need to read further) */
    boolean accept(ActionLogEntry e) {
        if (broken != null) {
            return false;
        }
        long checked = expectedPosition - 1;
        if (e.getPosition() != expectedPosition) {
            broken = ChainVerification.broken(chain, checked, expectedPosition, "entry " + expectedPosition + " is missing");
        } else if (!e.getPreviousHash().equals(expectedPrevious)) {
            broken = ChainVerification.broken(chain, checked, e.getPosition(), "entry " + e.getPosition()
                    + " does not follow the entry before it (an entry was removed or changed)");
        } else if (!e.computeHash().equals(e.getEntryHash())) {
            broken = ChainVerification.broken(chain, checked, e.getPosition(), "entry " + e.getPosition() + " was changed after it was written");
        } else {
            expectedPosition++;
            expectedPrevious = e.getEntryHash();
            return true;
        }
        return false;
    }

    ChainVerification result(long headPosition, String headHash) {
        if (broken != null) {
            return broken;
        }
        long checked = expectedPosition - 1;
        if (headPosition != checked || !headHash.equals(expectedPrevious)) {
            return ChainVerification.broken(chain, checked, checked + 1, "the chain ends at entry " + checked
                    + " but its head names entry " + headPosition + " (newest entries removed or changed)");
        }
        return ChainVerification.intact(chain, checked);
    }
}
