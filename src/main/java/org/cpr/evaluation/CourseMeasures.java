package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.CprUser;

/**
 * Declared by the courses module so program evaluation can show each offering's own
 * measures beside the snapshot instruments: the course's pre/post questionnaire (two
 * waves of one survey campaign, anonymous by default, so answers before and after cannot
 * be paired) and its session ratings. Only figures the survey engine's disclosure gate
 * released to this viewer leave the source (n, mean and SD of a wave's overall score),
 * never answers; a viewer who may not see a wave's report gets no row for it.
 */
public interface CourseMeasures {

	/**
	 * Offerings whose pre/post measure closed on days {@code from} to {@code toExclusive}
	 * (before today), and offerings with rated sessions held in the window, as the viewer
	 * may see them.
	 */
	List<CourseMeasure> measures(LocalDate from, LocalDate toExclusive, CprUser viewer);

	/** What kind of measure a row is. */
	enum Kind {

		/**
		 * The course's questionnaire answered before the first and after the last
		 * session.
		 */
		PREPOST,

		/** The short evaluation answered after each session, pooled over the sessions. */
		SESSION_RATINGS

	}

	/**
	 * A wave's overall score as the gate released it.
	 *
	 * @param n respondents
	 * @param mean the mean score
	 * @param standardDeviation the sample standard deviation
	 */
	record Figure(long n, double mean, double standardDeviation) {
	}

	/**
	 * One offering's measure.
	 *
	 * @param offering the offering's id
	 * @param title the offering's title
	 * @param questionnaire the questionnaire's title
	 * @param kind pre/post or session ratings
	 * @param before the pre wave's released figure (pre/post only), else null
	 * @param after the post wave's released figure, or the session ratings pooled over
	 * the sessions whose figure was released; null when withheld
	 * @param sessions sessions whose rating was released (session ratings), else 0
	 * @param withheldKey why nothing is shown (a message key of the disclosure or survey
	 * bundle), or null
	 * @param withheldArguments the message's arguments
	 */
	record CourseMeasure(UUID offering, String title, String questionnaire, Kind kind, Figure before, Figure after,
			int sessions, String withheldKey, List<Object> withheldArguments) {

		public CourseMeasure {
			withheldArguments = withheldArguments == null ? List.of() : List.copyOf(withheldArguments);
		}

	}

}
