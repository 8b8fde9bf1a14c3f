package org.cpr.needs;

/** What the heat map's rows are. */
public enum Dimension {

	ROTATION, HOSPITAL, SPECIALTY

}
