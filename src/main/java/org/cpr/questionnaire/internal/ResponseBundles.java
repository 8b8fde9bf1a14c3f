package org.cpr.questionnaire.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The fallback for an export: a response whose answers no longer fit its questionnaire
 * version is written with its answers as plain values (no option codings), so an export
 * never drops an answer.
 */
final class ResponseBundles {

	private ResponseBundles() {
	}

	public static QuestionnaireResponse plain(String canonical, Map<String, ?> answers, Number score, String band,
			Instant authored) {
		QuestionnaireResponse qr = new QuestionnaireResponse();
		qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		if (authored != null) {
			qr.setAuthored(Date.from(authored));
		}
		qr.setQuestionnaire(canonical);
		answers.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(a -> qr.addItem().setLinkId(a.getKey()).addAnswer().setValue(value(a.getValue())));
		if (score != null) {
			qr.addExtension(new Extension(ResponseWriter.SCORE_URL, new DecimalType(score.doubleValue())));
		}
		if (band != null) {
			qr.addExtension(new Extension(ResponseWriter.BAND_URL, new StringType(band)));
		}
		return qr;
	}

	private static Type value(Object v) {
		if (v instanceof Boolean b) {
			return new BooleanType(b);
		}
		if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			return new IntegerType(n.intValue());
		}
		if (v instanceof Number n) {
			return new DecimalType(n.doubleValue());
		}
		return new StringType(String.valueOf(v));
	}

}
