package org.cpr.directory;

/**
 * How private using a service is: anonymous, confidential, or reported to someone (say to
 * whom).
 */
public enum Confidentiality {

	ANONYMOUS, CONFIDENTIAL, REPORTED

}
