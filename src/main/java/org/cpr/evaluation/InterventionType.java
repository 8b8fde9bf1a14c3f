package org.cpr.evaluation;

/** The kinds of intervention whose reach and impact the program evaluates. */
public enum InterventionType {

	CURRICULUM_SESSION, MENTORING_GROUP, COURSE, RETREAT, PEER_SUPPORT, CONSULTATION, CHECK_IN, SNAPSHOT;

	/** Message bundle key of the intervention's name. */
	public String messageKey() {
		return "evaluation.intervention." + name();
	}

}
