package org.cpr.audit;

/**
 * The result of recomputing the hash chain.
 *
 * @param intact      whether every row's hash matches its content and its predecessor
 * @param rowsChecked rows read
 * @param firstBroken the first sequence number whose hash or link does not match, or null
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBroken) {
}
