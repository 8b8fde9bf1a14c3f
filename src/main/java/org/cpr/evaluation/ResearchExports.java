package org.cpr.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * De-identified research export under registered protocols. Study ids are keyed hashes
 * per protocol (not joinable across protocols), dates are shifted per person and
 * protocol, training levels are banded, and k-anonymity (k ≥ 5 over the chosen
 * quasi-identifiers) is enforced by generalising, then dropping, before a row is written.
 * Only people who consent are included. The same request on the same data gives the same
 * bytes. Every export and refusal is audited.
 */
public interface ResearchExports {

	int K = 5;

	/**
	 * Registers a protocol (privacy officer). @throws ExportRefused for missing fields,
	 * bad dates or an unknown researcher
	 */
	ResearchProtocol register(ProtocolDraft draft, PersonId by);

	List<ResearchProtocol> protocols();

	List<ResearchProtocol> protocolsOf(PersonId researcher);

	Optional<ResearchProtocol> protocol(UUID id);

	/**
	 * Checks a request before anything is written. @throws ExportRefused with the reason
	 */
	ResearchProtocol check(ExportRequest request, PersonId researcher);

	/**
	 * Streams the CSV; call {@link #check} first so a refusal never starts a download.
	 * Returns rows written.
	 */
	long export(ExportRequest request, PersonId researcher, OutputStream out) throws IOException;

	/** The REDCap data dictionary (CSV) of the requested elements. */
	String dictionary(ExportRequest request, PersonId researcher);

	/** What a privacy officer enters; researcher usernames are resolved to people. */
	record ProtocolDraft(String irbNumber, String title, String principalInvestigator, java.time.LocalDate approvedOn,
			java.time.LocalDate expiresOn, java.util.Set<ExportElement> elements, List<String> researcherUsernames) {
	}

}
