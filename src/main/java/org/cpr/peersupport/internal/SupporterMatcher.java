package org.cpr.peersupport.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.cpr.identity.TraineeType;
import org.cpr.peersupport.MatchProposal;

/**
 * The matching rules of the peer support network. Hard rules exclude a supporter: trained
 * and not due a refresher, available, not paused, below their maximum load, not the
 * person themselves, not in the person's department, not in their supervisory line, not
 * involved in the same event. Among the rest: same profession before a similar one before
 * any other, the person's language before others, then the lowest load. Pure and
 * allocation-light: one pass over the candidates.
 */
final class SupporterMatcher {

	private SupporterMatcher() {
	}

	/**
	 * The best supporter with the reasons the coordinator sees, or empty when nobody is
	 * eligible.
	 */
	public static Optional<MatchProposal> propose(MatchSeeker seeker, Collection<MatchCandidate> candidates,
			LocalDate today) {
		MatchCandidate best = null;
		long bestRank = Long.MIN_VALUE;
		for (MatchCandidate c : candidates) {
			if (!eligible(seeker, c, today)) {
				continue;
			}
			long rank = rank(seeker, c);
			if (rank > bestRank || (rank == bestRank && c.person().value().compareTo(best.person().value()) < 0)) {
				best = c;
				bestRank = rank;
			}
		}
		return Optional.ofNullable(best).map(c -> new MatchProposal(c.person(), reasons(seeker, c)));
	}

	/** Every eligible supporter, best first (the coordinator may pick another one). */
	public static List<MatchCandidate> ranked(MatchSeeker seeker, Collection<MatchCandidate> candidates,
			LocalDate today) {
		List<MatchCandidate> eligible = new ArrayList<>();
		for (MatchCandidate c : candidates) {
			if (eligible(seeker, c, today)) {
				eligible.add(c);
			}
		}
		eligible.sort(Comparator.comparingLong((MatchCandidate c) -> -rank(seeker, c))
			.thenComparing(c -> c.person().value()));
		return eligible;
	}

	/** Whether the hard rules allow {@code c} to support the seeker. */
	public static boolean eligible(MatchSeeker seeker, MatchCandidate c, LocalDate today) {
		return c.refresherDue() != null && !today.isAfter(c.refresherDue()) && c.available()
				&& (c.pausedUntil() == null || today.isAfter(c.pausedUntil())) && c.load() < c.maxLoad()
				&& !c.person().equals(seeker.person())
				&& (seeker.department() == null || !seeker.department().equals(c.department())) && !leadsAny(c, seeker)
				&& !seeker.sameEvent().contains(c.person()) && !seeker.evaluators().contains(c.person());
	}

	private static boolean leadsAny(MatchCandidate c, MatchSeeker seeker) {
		if (c.ledUnits().isEmpty()) {
			return false;
		}
		for (var unit : seeker.line()) {
			if (c.ledUnits().contains(unit)) {
				return true;
			}
		}
		return false;
	}

	private static long rank(MatchSeeker seeker, MatchCandidate c) {
		int profession = professionScore(seeker.profession(), c.profession());
		int language = speaks(seeker, c) ? 1 : 0;
		return profession * 1_000_000L + language * 100_000L + (99_999 - Math.min(c.load(), 99_999));
	}

	private static boolean speaks(MatchSeeker seeker, MatchCandidate c) {
		return seeker.language() == null || c.languages().contains(seeker.language());
	}

	/** 2 for the same profession, 1 for a similar one (the same family), else 0. */
	static int professionScore(TraineeType seeker, TraineeType supporter) {
		if (seeker == null || supporter == null) {
			return 0;
		}
		if (seeker == supporter) {
			return 2;
		}
		return family(seeker) == family(supporter) ? 1 : 0;
	}

	private static int family(TraineeType type) {
		return switch (type) {
			case MEDICAL_STUDENT, RESIDENT, FELLOW, FACULTY -> 0;
			case NURSE -> 1;
			case PHARMACIST -> 2;
			case ALLIED_HEALTH, STAFF -> 3;
		};
	}

	private static List<String> reasons(MatchSeeker seeker, MatchCandidate c) {
		List<String> reasons = new ArrayList<>();
		reasons.add(switch (professionScore(seeker.profession(), c.profession())) {
			case 2 -> "peer.match.sameProfession";
			case 1 -> "peer.match.similarProfession";
			default -> "peer.match.otherProfession";
		});
		if (seeker.language() != null) {
			reasons.add(speaks(seeker, c) ? "peer.match.language" : "peer.match.noLanguage");
		}
		reasons.add("peer.match.otherDepartment");
		reasons.add("peer.match.notInLine");
		if (!seeker.sameEvent().isEmpty()) {
			reasons.add("peer.match.notInEvent");
		}
		reasons.add("peer.match.lowestLoad");
		return reasons;
	}

}
