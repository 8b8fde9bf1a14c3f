package org.cpr.identity;

/** The levels of the org tree, top to bottom. */
public enum OrgUnitKind {

	INSTITUTION, SCHOOL, HOSPITAL, DEPARTMENT, PROGRAM

}
