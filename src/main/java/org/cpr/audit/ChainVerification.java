package org.cpr.audit;

/**
 * The result of recomputing the hash chain and comparing its head with the latest signed
 * checkpoint.
 *
 * @param intact whether every row's keyed hash matches its content and its predecessor,
 * and the table still holds the row the latest checkpoint names, unchanged
 * @param rowsChecked rows read
 * @param firstBroken the first sequence number whose hash or link does not match, or null
 * @param finding what was found, in one code
 * @param checkpointSeq the sequence number the latest valid checkpoint names, or null
 * without one
 * @param description the finding in words (English; the page shows it from the message
 * bundles)
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBroken, Finding finding, Long checkpointSeq,
		String description) {

	/** What verification found. */
	public enum Finding {

		/** Every row verifies and the latest checkpoint's row is there, unchanged. */
		INTACT,
		/**
		 * A row's content, link or keyed hash does not match: it was edited, inserted or
		 * rebuilt.
		 */
		ALTERED,
		/**
		 * The chain's newest row was written with the unkeyed legacy hash: the chain was
		 * rebuilt.
		 */
		UNKEYED_HEAD,
		/** Rows the latest checkpoint names are missing: the newest rows were deleted. */
		TRUNCATED,
		/**
		 * The row the latest checkpoint names has another hash: the chain was rewritten.
		 */
		CHECKPOINT_MISMATCH,
		/**
		 * A checkpoint line does not carry a valid signature: the checkpoint file was
		 * edited.
		 */
		CHECKPOINT_FORGED

	}

	public ChainVerification(boolean intact, long rowsChecked, Long firstBroken) {
		this(intact, rowsChecked, firstBroken, intact ? Finding.INTACT : Finding.ALTERED, null,
				intact ? "Hash chain intact." : "Hash chain broken at entry " + firstBroken + ".");
	}
}
