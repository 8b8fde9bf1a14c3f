package org.cpr.directory;

import java.util.List;
import java.util.UUID;

/** One line of an imported directory CSV: the entry, or the problems that stop it. */
public record DirectoryImportRow(long line, UUID id, ServiceEntry entry, List<Problem> problems) {

	public boolean ok() {
		return problems.isEmpty();
	}

	/** A cell that could not be read, with the message key that explains why. */
	public record Problem(String column, String messageKey, String value) {
	}
}
