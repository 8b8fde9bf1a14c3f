package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A registered research protocol: the only frame in which a researcher can export
 * anything.
 *
 * @param elements the data elements the IRB approved
 * @param researchers the people with the RESEARCHER role who work under it
 */
public record ResearchProtocol(UUID id, String irbNumber, String title, String principalInvestigator,
		LocalDate approvedOn, LocalDate expiresOn, Set<ExportElement> elements, Set<PersonId> researchers) {

	public ResearchProtocol {
		elements = Set.copyOf(elements);
		researchers = Set.copyOf(researchers);
	}

	public boolean activeOn(LocalDate day) {
		return !day.isBefore(approvedOn) && day.isBefore(expiresOn.plusDays(1));
	}
}
