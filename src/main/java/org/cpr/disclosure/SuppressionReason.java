package org.cpr.disclosure;

/**
 * Why a cell is hidden. Codes are deliberately coarse: none of them reveals the real
 * count (a positive-screen cell hidden because it is 100 % positive looks exactly like
 * one hidden because it has 1–10 positives).
 */
public enum SuppressionReason {

	/** Fewer respondents than the policy minimum. */
	TOO_FEW_RESPONSES,
	/** Comments asked for a group below the comment minimum. */
	TOO_FEW_FOR_COMMENTS,
	/** Comments asked for a breakdown by a second attribute. */
	COMMENTS_NOT_BY_SUBGROUP,
	/** A positive-screen count that must not be shown (1–10, or everyone positive). */
	SCREEN_COUNT_PROTECTED,
	/**
	 * Complementary suppression: showing it would let a small group be worked out by
	 * subtraction.
	 */
	PROTECTS_ANOTHER_GROUP,
	/** More filter attributes than the principal's role may combine (I-7). */
	TOO_MANY_FILTERS,
	/**
	 * A single item's answers of a health screen: not released by group at all (I-5;
	 * item-9 prevalence belongs to institution-level reporting only). Decided by the
	 * caller from the instrument's definition.
	 */
	NOT_FOR_HEALTH_SCREENS;

	/** The message key in {@code i18n/disclosure.properties}. */
	public String messageKey() {
		return "disclosure.suppressed." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
