package org.cpr.questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * FHIR R4 parsing and serialization (one FhirContext: it is expensive to build) and the
 * scoring extension that carries a {@link ScoringSpec} inside the Questionnaire.
 * <p>
 * The context is built on first use, not with the bean (issue #16): a start on a database
 * that already holds the shipped instruments parses no FHIR, so readiness does not wait
 * for it; once the application is ready it is built on a background thread, so the first
 * request that needs it does not pay for it either.
 */
@Component
public class FhirSupport {

	public static final String SCORING_EXTENSION = "https://cpr.example.org/fhir/StructureDefinition/scoring";

	private final SingletonSupplier<FhirContext> fhir = SingletonSupplier.of(FhirSupport::buildContext);

	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			true);

	private static FhirContext buildContext() {
		FhirContext context = FhirContext.forR4();
		// the one resource the platform parses: its model is scanned here, not in a
		// request
		context.getResourceDefinition(Questionnaire.class);
		return context;
	}

	public IParser parser() {
		return fhir.obtain().newJsonParser().setPrettyPrint(true);
	}

	/** Builds the FHIR context off the start-up path, once the application is ready. */
	@EventListener(ApplicationReadyEvent.class)
	void buildInBackground() {
		Thread thread = new Thread(this.fhir::obtain, "fhir-context");
		thread.setDaemon(true);
		thread.start();
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
