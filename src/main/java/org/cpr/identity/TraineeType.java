package org.cpr.identity;

/**
 * What kind of learner or clinician a person is; drives audiences and disclosure
 * groupings.
 */
public enum TraineeType {

	MEDICAL_STUDENT, RESIDENT, FELLOW, NURSE, PHARMACIST, ALLIED_HEALTH, FACULTY, STAFF

}
