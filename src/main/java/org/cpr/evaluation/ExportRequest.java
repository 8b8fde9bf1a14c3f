package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What a researcher asks for: elements of one protocol, snapshots taken on days
 * {@code from} to {@code to} inclusive.
 */
public record ExportRequest(UUID protocol, Set<ExportElement> elements, LocalDate from, LocalDate to) {

	public ExportRequest {
		elements = elements == null ? Set.of() : Set.copyOf(elements);
	}
}
