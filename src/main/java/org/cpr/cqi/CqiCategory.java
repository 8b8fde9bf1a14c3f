package org.cpr.cqi;

/** What kind of systemic problem an item is about. */
public enum CqiCategory {

	STAFFING, WORKFLOW, EHR, SUPERVISION, PATIENT_SAFETY, SCHEDULING, FACILITIES, MISTREATMENT, OTHER

}
