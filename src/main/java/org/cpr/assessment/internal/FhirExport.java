package org.cpr.assessment.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
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

    public static String bundle(List<SnapshotHistory.Submission> history, Map<java.util.UUID, Integer> versionNumbers, Date generated) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(generated);
        for (SnapshotHistory.Submission s : history) {
            for (SnapshotHistory.Result r : s.results()) {
                QuestionnaireResponse qr = new QuestionnaireResponse();
                qr.setId(s.id() + "-" + r.instrumentId());
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
                bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(qr.getId().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .setResource(qr);
            }
        }
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
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
