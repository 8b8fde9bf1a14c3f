package org.cpr.groups;

/**
 * No such cohort, group or meeting, or not one the caller may see: both look the same, so
 * a probe cannot tell whether a group exists or whom it holds.
 */
public class UnknownGroupRecord extends RuntimeException {

	public UnknownGroupRecord() {
		super("not found");
	}

}
