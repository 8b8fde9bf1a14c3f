package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cpr.shared.PersonId;

/**
 * The ledger kept in memory, shared by every principal of a round: for tests, previews
 * and single-node tools.
 */
final class InMemoryReleaseLedger implements ReleaseLedger {

	private final Map<String, Set<LedgerEntry>> releases = new ConcurrentHashMap<>();

	private final Map<String, DisclosurePolicy> policies = new ConcurrentHashMap<>();

	@Override
	public List<LedgerEntry> releases(String roundId) {
		Set<LedgerEntry> entries = releases.get(roundId);
		if (entries == null) {
			return List.of();
		}
		synchronized (entries) {
			return new ArrayList<>(entries);
		}
	}

	@Override
	public void record(PersonId principal, String roundId, List<LedgerEntry> entries) {
		Set<LedgerEntry> kept = releases.computeIfAbsent(roundId, key -> new LinkedHashSet<>());
		synchronized (kept) {
			kept.addAll(entries);
		}
	}

	@Override
	public Optional<DisclosurePolicy> policy(String roundId) {
		return Optional.ofNullable(policies.get(roundId));
	}

	@Override
	public DisclosurePolicy fixPolicy(String roundId, DisclosurePolicy policy) {
		return policies.merge(roundId, policy, (fixed, wanted) -> {
			if (!wanted.isAtLeastAsStrictAs(fixed)) {
				throw new PolicyWeakeningRejected("the round's disclosure policy was fixed at launch");
			}
			return wanted;
		});
	}

	private final Map<String, Object> roundLocks = new ConcurrentHashMap<>();

	@Override
	public <T> T exclusively(String roundId, java.util.function.Supplier<T> decision) {
		synchronized (roundLocks.computeIfAbsent(roundId, key -> new Object())) {
			return decision.get();
		}
	}

}
