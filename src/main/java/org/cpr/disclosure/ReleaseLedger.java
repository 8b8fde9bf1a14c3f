package org.cpr.disclosure;

import java.util.List;
import java.util.Optional;

import org.cpr.shared.PersonId;

/**
 * What has already been released of each round (the released object: a survey wave, a
 * snapshot year, a hospital's speak-up quarter), so that a later query cannot be
 * subtracted from an earlier one (I-3 across a sequence of queries). The ledger is shared
 * by every viewer and every output format: two viewers who compare notes, or a page and a
 * shared CSV, can subtract nothing a single viewer could not. Also the policy each round
 * was launched with (I-6). Implemented in memory (tests, previews) and with JDBC (the
 * bean).
 */
public interface ReleaseLedger {

	/**
	 * Every release recorded in this round, to any principal, oldest first (each released
	 * set once).
	 */
	List<LedgerEntry> releases(String roundId);

	/**
	 * Records releases to a principal (kept for the record of who saw what);
	 * implementations ignore an entry already recorded for the principal and round.
	 */
	void record(PersonId principal, String roundId, List<LedgerEntry> entries);

	/** The policy fixed for the round, if it was launched. */
	Optional<DisclosurePolicy> policy(String roundId);

	/**
	 * Fixes the round's policy at launch. Fixing it again with an equal or stricter
	 * policy keeps the stricter one; a weaker one throws {@link PolicyWeakeningRejected}.
	 */
	DisclosurePolicy fixPolicy(String roundId, DisclosurePolicy policy);

	/**
	 * Runs one decision of the gate for a round (fix the policy, read the releases,
	 * decide, record) so that no other decision about the same round, on this node or on
	 * another node sharing the ledger, interleaves with it: two nodes that each released
	 * a different complement of the same round would otherwise let the pair be
	 * subtracted. The in-memory ledger serializes in this JVM only (it is not shared
	 * anyway).
	 */
	<T> T exclusively(String roundId, java.util.function.Supplier<T> decision);

	static ReleaseLedger inMemory() {
		return new InMemoryReleaseLedger();
	}

}
