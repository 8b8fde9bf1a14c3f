package org.cpr.assistance;

/** How an appointment takes place. */
public enum Modality {

	IN_PERSON, VIDEO, PHONE

}
