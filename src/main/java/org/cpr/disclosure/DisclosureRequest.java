package org.cpr.disclosure;

import java.util.List;
import java.util.Objects;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Everything one principal wants to see of one measure in one survey round, in one call
 * (a page, chart, export or API response).
 *
 * @param principal who will see the result; the gate remembers what it released to them
 * @param principalRole the role the principal views under (limits filter attributes, I-7)
 * @param roundId the survey round (wave) the data come from
 * @param measureKey the item or score reported (e.g. {@code "phq9.positive"})
 * @param measureType what kind of statistic
 * @param policy the round's policy, fixed at launch
 * @param cells the cells wanted
 * @param extraFiltersApproved a privacy officer approved more filter attributes for this
 * principal (I-7)
 */
public record DisclosureRequest(PersonId principal, Role principalRole, String roundId, String measureKey,
		MeasureType measureType, DisclosurePolicy policy, List<CellRequest> cells, boolean extraFiltersApproved) {

	public DisclosureRequest {
		Objects.requireNonNull(principal, "principal");
		Objects.requireNonNull(principalRole, "principalRole");
		Objects.requireNonNull(roundId, "roundId");
		Objects.requireNonNull(measureKey, "measureKey");
		Objects.requireNonNull(measureType, "measureType");
		Objects.requireNonNull(policy, "policy");
		cells = List.copyOf(cells);
	}

	public DisclosureRequest(PersonId principal, Role principalRole, String roundId, String measureKey,
			MeasureType measureType, DisclosurePolicy policy, List<CellRequest> cells) {
		this(principal, principalRole, roundId, measureKey, measureType, policy, cells, false);
	}

	String channel() {
		return switch (measureType) {
			case NUMERIC -> null;
			case POSITIVE_SCREEN -> "screen:" + measureKey;
			case COMMENTS -> "comments:" + measureKey;
		};
	}
}
