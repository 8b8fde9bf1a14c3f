package org.cpr.disclosure;

/** The checks a cell must pass on its own, before differencing is considered. */
final class CellRules {

	private final DisclosureRequest request;

	private final DisclosurePolicy policy;

	CellRules(DisclosureRequest request, DisclosurePolicy policy) {
		this.request = request;
		this.policy = policy;
	}

	/**
	 * The suppression this cell needs on its own, or null when it may go on to
	 * differencing.
	 */
	Suppressed primary(CellRequest cell) {
		if (request.measureType() == MeasureType.COMMENTS && cell.filterAttributes().size() > 1) {
			return suppressed(cell, SuppressionReason.COMMENTS_NOT_BY_SUBGROUP, policy.minComments());
		}
		int allowed = FilterAttributePolicy.maxAttributes(request.principalRole(), request.extraFiltersApproved());
		if (cell.filterAttributes().size() > allowed) {
			return suppressed(cell, SuppressionReason.TOO_MANY_FILTERS, allowed);
		}
		long n = cell.respondents();
		return switch (request.measureType()) {
			case NUMERIC -> n < policy.minRespondents()
					? suppressed(cell, SuppressionReason.TOO_FEW_RESPONSES, policy.minRespondents()) : null;
			case POSITIVE_SCREEN -> screen(cell, n);
			case COMMENTS -> comments(cell, n);
		};
	}

	private Suppressed screen(CellRequest cell, long n) {
		if (n < policy.minRespondents()) {
			return suppressed(cell, SuppressionReason.TOO_FEW_RESPONSES, policy.minRespondents());
		}
		long positives = cell.positives();
		if (positives > 0 && (positives < policy.minPositiveCount() || positives == n)) {
			return suppressed(cell, SuppressionReason.SCREEN_COUNT_PROTECTED, policy.minPositiveCount());
		}
		return null;
	}

	private Suppressed comments(CellRequest cell, long n) {
		if (n < policy.minComments()) {
			return suppressed(cell, SuppressionReason.TOO_FEW_FOR_COMMENTS, policy.minComments());
		}
		return null;
	}

	private static Suppressed suppressed(CellRequest cell, SuppressionReason reason, int threshold) {
		return new Suppressed(cell.cellKey(), reason, threshold, null);
	}

}
