package io.verbatim.audit;

/**
 * The result of checking the action log's hash chains: {@code valid}, how many entries were checked, which chain
 * ({@code chain}: a PBX's name, {@code null} for the deployment's, {@link #ALL_CHAINS} when every chain was checked
 * and found intact), and if not valid, the position in that chain of the first entry whose link is broken (changed,
 * or following a removed one) and why.
 */
public record ChainVerification(boolean valid, String chain, long entriesChecked, Long firstBrokenEntry, String problem) {

    /** The chain named by a check of every chain. */
    public static final String ALL_CHAINS = "*";

    static ChainVerification intact(String chain, long checked) {
        return new ChainVerification(true, chain, checked, null, null);
    }

    static ChainVerification broken(String chain, long checked, long position, String problem) {
        return new ChainVerification(false, chain, checked, position, scope(chain) + ": " + problem);
    }

    /** Where it broke and why, in words: "at entry 8 of the chain of PBX x: entry 8 was changed …". */
    public String brokenAt() {
        return (firstBrokenEntry == null ? "" : "at entry " + firstBrokenEntry + " of ") + problem;
    }

    /** What was checked, in words: "every chain", "the chain of PBX x", "the deployment's chain". */
    public String scope() {
        return scope(chain);
    }

    private static String scope(String chain) {
        return ALL_CHAINS.equals(chain) ? "every chain" : chain == null ? "the deployment's chain" : "the chain of PBX " + chain;
    }
}
