package org.cpr.disclosure;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one gate every aggregate passes before it leaves the server. It computes each
 * figure from the contributions itself and releases it only if, together with everything
 * already released of the round to anyone (the ledger is shared per released object), no
 * group smaller than the policy minimum can be worked out (see {@link Partition}). Cells
 * are decided top-down, so a small group rolls up into its parent and a sibling is
 * suppressed when parent minus siblings would isolate it.
 */
@Service
public class DisclosureGate {

	private static final String ALL = "all";

	private final ReleaseLedger ledger;

	private final RandomGenerator random;

	private final AuditPort audit;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	@Autowired
	public DisclosureGate(ReleaseLedger ledger, ObjectProvider<AuditPort> audit) {
		this(ledger, new SecureRandom(), audit.getIfAvailable(() -> entry -> {
		}));
	}

	public DisclosureGate(ReleaseLedger ledger, RandomGenerator random, AuditPort audit) {
		this.ledger = ledger;
		this.random = random;
		this.audit = audit;
	}

	/** Decides every cell of the request; results come back in the request's order. */
	public List<CellResult> evaluate(DisclosureRequest request) {
		// One decision per round at a time, in this JVM (cheap) and across nodes (the
		// ledger's round
		// lock, held from fixing the policy to recording the releases).
		Object lock = locks.computeIfAbsent(request.roundId(), key -> new Object());
		synchronized (lock) {
			DisclosurePolicy policy = effectivePolicy(request);
			return ledger.exclusively(request.roundId(), () -> decide(request, policy));
		}
	}

	private DisclosurePolicy effectivePolicy(DisclosureRequest request) {
		try {
			return ledger.fixPolicy(request.roundId(), request.policy());
		}
		catch (PolicyWeakeningRejected rejected) {
			audit.record(
					AuditEntry
						.of(request.principal(), "DISCLOSURE_POLICY_WEAKENING_REJECTED", "survey-round",
								request.roundId(), "reporting")
						.outcome(AuditEntry.Outcome.DENIED));
			throw rejected;
		}
	}

	private List<CellResult> decide(DisclosureRequest request, DisclosurePolicy policy) {
		Partition all = new Partition(policy.minRespondents(), 0);
		Partition channel = channelPartition(request, policy);
		for (LedgerEntry past : ledger.releases(request.roundId())) {
			if (ALL.equals(past.channel())) {
				all.force(past.units());
			}
			else if (channel != null && past.channel().equals(request.channel())) {
				channel.force(past.units());
			}
		}
		List<CellRequest> order = new ArrayList<>(request.cells());
		order.sort(Comparator.comparingInt(CellRequest::depth)
			.thenComparing(Comparator.comparingLong(CellRequest::respondents).reversed())
			.thenComparing(CellRequest::cellKey));
		Map<String, CellResult> results = new HashMap<>();
		// A set released by several cells (a map's measures share their units) is one
		// release: recorded once, as the ledger keeps it.
		java.util.Set<LedgerEntry> released = new java.util.LinkedHashSet<>();
		CellRules rules = new CellRules(request, policy);
		for (CellRequest cell : order) {
			CellResult result = rules.primary(cell);
			if (result == null) {
				result = differencing(request, policy, cell, all, channel, released);
			}
			results.put(cell.cellKey(), result);
		}
		ledger.record(request.principal(), request.roundId(), List.copyOf(released));
		Map<String, String> parents = new HashMap<>();
		request.cells().forEach(c -> parents.put(c.cellKey(), c.parentKey()));
		return request.cells().stream().map(cell -> rollUp(results.get(cell.cellKey()), results, parents)).toList();
	}

	private CellResult differencing(DisclosureRequest request, DisclosurePolicy policy, CellRequest cell, Partition all,
			Partition channel, java.util.Set<LedgerEntry> released) {
		List<LedgerEntry.UnitWeight> weights = weights(cell);
		Partition.Trial allTrial = all.trial(weights);
		Partition.Trial channelTrial = channel == null ? null : channel.trial(weights);
		if (!allTrial.safe() || (channelTrial != null && !channelTrial.safe())) {
			int threshold = request.measureType() == MeasureType.COMMENTS && channelTrial != null
					&& !channelTrial.safe() ? policy.minComments() : policy.minRespondents();
			int more = allTrial.safe() ? channelTrial.moreNeeded()
					: channelTrial == null || channelTrial.safe() ? allTrial.moreNeeded()
							: allTrial.moreNeeded() > 0 && channelTrial.moreNeeded() > 0
									? Math.max(allTrial.moreNeeded(), channelTrial.moreNeeded()) : 0;
			return new Suppressed(cell.cellKey(), SuppressionReason.PROTECTS_ANOTHER_GROUP, threshold, null, more);
		}
		allTrial.commit();
		released.add(new LedgerEntry(ALL, weights));
		if (channelTrial != null) {
			channelTrial.commit();
			released.add(new LedgerEntry(request.channel(), weights));
		}
		return new Released(cell.cellKey(), cell.respondents(), Statistics.of(request.measureType(), cell, random));
	}

	private static Partition channelPartition(DisclosureRequest request, DisclosurePolicy policy) {
		return switch (request.measureType()) {
			case NUMERIC -> null;
			case POSITIVE_SCREEN -> new Partition(policy.minRespondents(), policy.minPositiveCount());
			case COMMENTS -> new Partition(policy.minComments(), 0);
		};
	}

	private static List<LedgerEntry.UnitWeight> weights(CellRequest cell) {
		Map<String, LedgerEntry.UnitWeight> byUnit = new java.util.TreeMap<>();
		for (Contribution c : cell.contributions()) {
			if (byUnit.put(c.unit(), new LedgerEntry.UnitWeight(c.unit(), c.count(), c.positives())) != null) {
				throw new IllegalArgumentException("a unit appears twice in one cell");
			}
		}
		return List.copyOf(byUnit.values());
	}

	private static CellResult rollUp(CellResult result, Map<String, CellResult> results, Map<String, String> parents) {
		if (!(result instanceof Suppressed suppressed)) {
			return result;
		}
		String ancestor = parents.get(result.cellKey());
		for (int hops = 0; ancestor != null && hops < parents.size(); hops++) {
			CellResult up = results.get(ancestor);
			if (up != null && up.released()) {
				return suppressed.rolledUpTo(ancestor);
			}
			ancestor = parents.get(ancestor);
		}
		return result;
	}

}
