package org.cpr.questionnaire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;

/**
 * The shipped PHQ-9 and PC-PTSD-5 definitions, published under the given ids, without a
 * database: a library for tests that run without Spring.
 */
public final class ShippedLibrary extends QuestionnaireLibrary {

	private final UUID phq9;

	private final UUID pcPtsd5;

	public ShippedLibrary(UUID phq9, UUID pcPtsd5) {
		super(null, null, null, null);
		this.phq9 = phq9;
		this.pcPtsd5 = pcPtsd5;
	}

	@Override
	public String fhirJson(UUID versionId) {
		try {
			return new ClassPathResource("instruments/" + file(versionId) + ".json")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public Optional<QuestionnaireVersion> version(UUID id) {
		return Optional.of(new QuestionnaireVersion(id, file(id), 1, "shipped", true, Instant.EPOCH));
	}

	private String file(UUID versionId) {
		if (versionId.equals(this.phq9)) {
			return "phq-9";
		}
		if (versionId.equals(this.pcPtsd5)) {
			return "pc-ptsd-5";
		}
		throw new IllegalArgumentException("not a shipped version of this library");
	}

}
