package org.cpr.directory;

/** Who runs a service. */
public enum ProviderKind {

	SCHOOL, HOSPITAL, CAMPUS, EXTERNAL

}
