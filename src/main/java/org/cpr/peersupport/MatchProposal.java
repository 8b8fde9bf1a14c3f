package org.cpr.peersupport;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * The supporter the matching rules propose, with the reasons (message keys) the
 * coordinator sees.
 */
public record MatchProposal(PersonId supporter, List<String> reasons) {

	public MatchProposal {
		reasons = List.copyOf(reasons);
	}
}
