package org.cpr.courses;

/** What kind of event an offering is. */
public enum OfferingKind {

	/** A lecture or grand rounds. */
	LECTURE, WORKSHOP,
	/** A retreat, possibly over several days. */
	RETREAT, CONFERENCE,
	/** One session on one topic. */
	SINGLE_SESSION,
	/** A course of several sessions, e.g. four weekly meetings. */
	MULTI_WEEK_COURSE

}
