package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * Declared by the safety module so the annual report can show how the safety process
 * performed: counts and times only, never who or what was said.
 */
public interface SafetyProcessFigures {

	/**
	 * One line per alert tier for alerts raised on days {@code from} to
	 * {@code toExclusive}.
	 */
	List<TierFigure> figures(LocalDate from, LocalDate toExclusive);

	/**
	 * @param tier the alert tier
	 * @param alerts alerts raised
	 * @param acknowledgedInTime acknowledged before their deadline
	 * @param medianMinutesToAcknowledge median minutes from raising to acknowledgement
	 * (acknowledged alerts), or null
	 */
	record TierFigure(String tier, long alerts, long acknowledgedInTime, Double medianMinutesToAcknowledge) {
	}

}
