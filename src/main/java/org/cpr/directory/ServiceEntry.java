package org.cpr.directory;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.TraineeType;

/** A directory entry as every page, API and module sees it. */
public record ServiceEntry(UUID id, String name, ProviderKind providerKind, String providerName,
		ServiceCategory category, Set<TraineeType> audiences, Confidentiality confidentiality,
		Set<ReportedTo> reportedTo, String confidentialityNote, CostLevel cost, String costNote, boolean afterHours,
		String hours, Set<AccessMode> accessModes, boolean virtualOption, String location, String phone, String email,
		String url, Set<String> languages, String description, LocalDate lastReviewed, boolean retired,
		LocalDate retiredOn, Set<org.cpr.shared.Role> audienceRoles) {

	public ServiceEntry {
		audienceRoles = audienceRoles == null ? Set.of() : Set.copyOf(audienceRoles);
	}

	/** The same entry, last reviewed on {@code day}. */
	public ServiceEntry reviewedOn(LocalDate day) {
		return new ServiceEntry(id, name, providerKind, providerName, category, audiences, confidentiality, reportedTo,
				confidentialityNote, cost, costNote, afterHours, hours, accessModes, virtualOption, location, phone,
				email, url, languages, description, day, retired, retiredOn, audienceRoles);
	}

	public boolean free() {
		return cost == CostLevel.FREE;
	}
}
