package org.cpr.questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 parsing and serialization (one FhirContext: it is expensive to build) and the
 * scoring extension that carries a {@link ScoringSpec} inside the Questionnaire.
 */
@Component
public class FhirSupport {

	public static final String SCORING_EXTENSION = "https://cpr.example.org/fhir/StructureDefinition/scoring";

	private final FhirContext fhir = FhirContext.forR4();

	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			true);

	public IParser parser() {
		return fhir.newJsonParser().setPrettyPrint(true);
	}

	/**
	 * Parses a Questionnaire; a malformed document is an IllegalArgumentException with a
	 * safe message.
	 */
	public Questionnaire questionnaire(String body) {
		try {
			return parser().parseResource(Questionnaire.class, body);
		}
		catch (DataFormatException | ClassCastException e) {
			throw new IllegalArgumentException("not a FHIR R4 Questionnaire");
		}
	}

	public String write(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		return parser().encodeResourceToString(resource);
	}

	public ScoringSpec scoring(Questionnaire q) {
		Extension e = q.getExtensionByUrl(SCORING_EXTENSION);
		if (e == null || !(e.getValue() instanceof StringType s)) {
			return new ScoringSpec(ScoringSpec.Method.NONE, null, null, null, null, null, null, null, null);
		}
		try {
			return json.readValue(s.getValue(), ScoringSpec.class);
		}
		catch (com.fasterxml.jackson.core.JacksonException ex) {
			throw new IllegalArgumentException("the scoring extension is not a valid scoring specification");
		}
	}

	public ObjectMapper json() {
		return json;
	}

}
