package org.cpr.needs;

import java.util.UUID;

/**
 * A catalogue entry: a rotation at one hospital, with its specialty, setting and guide
 * contacts.
 */
public record Rotation(UUID id, String name, String hospitalCode, String hospitalName, String specialty,
		Setting setting, String contacts) {

	/** "Name · Hospital", as rows and guides show it. */
	public String label() {
		return name + " · " + hospitalName;
	}
}
