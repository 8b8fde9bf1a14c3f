package org.cpr.assessment.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;

import java.util.function.BiFunction;

import ca.uhn.fhir.context.FhirContext;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.Scoring;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * A person's snapshots as a FHIR R4 collection Bundle of QuestionnaireResponses, one per
 * instrument taken, each pointing at the questionnaire version answered and carrying the server's
 * score and band as extensions. No subject: the file is the person's own.
 */
public final class FhirExport {

    static final String SCORE_URL = "https://cpr.example.org/fhir/StructureDefinition/score";
    static final String BAND_URL = "https://cpr.example.org/fhir/StructureDefinition/band";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirExport() {
    }

    /** The bundle with answers written as the questionnaire module writes them: choice answers as the option's coding. */
    public static String bundle(List<SnapshotHistory.Submission> history, Map<java.util.UUID, Integer> versionNumbers, Date generated,
                                Scoring scoring) {
        return bundle(history, versionNumbers, generated, (s, r) -> {
            try {
                return FHIR.newJsonParser().parseResource(QuestionnaireResponse.class, scoring.toResponse(r.versionId(),
                        r.answers(), r.score(), r.band(), s.submittedAt()));
            } catch (InvalidAnswersException | IllegalArgumentException e) {
                return null;
            }
        });
    }

    public static String bundle(List<SnapshotHistory.Submission> history, Map<java.util.UUID, Integer> versionNumbers, Date generated) {
        return bundle(history, versionNumbers, generated, (s, r) -> null);
    }

    /** {@code writer} gives a result's response, or null to write it here (answers as plain values). */
    private static String bundle(List<SnapshotHistory.Submission> history, Map<java.util.UUID, Integer> versionNumbers, Date generated,
                                 BiFunction<SnapshotHistory.Submission, SnapshotHistory.Result, QuestionnaireResponse> writer) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(generated);
        for (SnapshotHistory.Submission s : history) {
            for (SnapshotHistory.Result r : s.results()) {
                QuestionnaireResponse written = writer.apply(s, r);
                QuestionnaireResponse qr = written != null ? written : plain(s, r, versionNumbers);
                qr.setId(s.id() + "-" + r.instrumentId());
                bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(qr.getId().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .setResource(qr);
            }
        }
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    private static QuestionnaireResponse plain(SnapshotHistory.Submission s, SnapshotHistory.Result r,
                                               Map<java.util.UUID, Integer> versionNumbers) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setAuthored(Date.from(s.submittedAt()));
        qr.setQuestionnaire("Questionnaire/" + r.instrumentId() + "|" + versionNumbers.getOrDefault(r.versionId(), 1));
        r.answers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a ->
                qr.addItem().setLinkId(a.getKey()).addAnswer().setValue(value(a.getValue())));
        if (r.score() != null) {
            qr.addExtension(new Extension(SCORE_URL, new DecimalType(r.score())));
        }
        if (r.band() != null) {
            qr.addExtension(new Extension(BAND_URL, new StringType(r.band())));
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
