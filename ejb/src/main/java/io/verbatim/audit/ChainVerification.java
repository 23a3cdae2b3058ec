package io.verbatim.audit;

/**
 * The result of checking the action log's hash chain: {@code valid}, how many entries were checked, and if not
 * valid, the position of the first entry whose link is broken (changed, or following a removed one) and why.
 */
public record ChainVerification(boolean valid, long entriesChecked, Long firstBrokenEntry, String problem) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long position, String problem) {
        return new ChainVerification(false, checked, position, problem);
    }
}
