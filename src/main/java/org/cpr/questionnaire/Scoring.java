package org.cpr.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.cpr.questionnaire.internal.AnswerSet;
import org.cpr.questionnaire.internal.FhirSupport;
import org.cpr.questionnaire.internal.QuestionnaireModel;
import org.cpr.questionnaire.internal.ResponseReader;
import org.cpr.questionnaire.internal.ScoringEngine;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Service;

/**
 * Validates and scores answers on the server — the only place scores are computed. Client totals are
 * never read. Published versions are immutable, so their parsed form is cached by version id.
 */
@Service
public class Scoring {

    private record Compiled(Questionnaire questionnaire, QuestionnaireModel model, ScoringSpec spec) {
    }

    private final QuestionnaireLibrary library;
    private final FhirSupport fhir;
    private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

    Scoring(QuestionnaireLibrary library, FhirSupport fhir) {
        this.library = library;
        this.fhir = fhir;
    }

    /** Scores short-form answers {@code {"<linkId>": value}} against a version. */
    public ScoreResult score(UUID versionId, JsonNode answers) {
        Compiled c = compile(versionId);
        List<ItemError> errors = new ArrayList<>();
        Map<String, Object> values = AnswerSet.read(c.model(), answers, errors);
        return ScoringEngine.score(c.model(), c.spec(), values, errors);
    }

    /** Scores a FHIR QuestionnaireResponse (JSON) against a version. */
    public ScoreResult scoreResponse(UUID versionId, String questionnaireResponseJson) {
        Compiled c = compile(versionId);
        List<ItemError> errors = new ArrayList<>();
        Map<String, Object> values = ResponseReader.read(fhir, c.model(), questionnaireResponseJson, errors);
        return ScoringEngine.score(c.model(), c.spec(), values, errors);
    }

    /** The parsed FHIR definition of a version (for rendering forms). */
    public Questionnaire questionnaire(UUID versionId) {
        return compile(versionId).questionnaire();
    }

    /** The version as a form to render, with critical options marked for the crisis panel. */
    public FormView form(UUID versionId) {
        Compiled c = compile(versionId);
        String id = library.version(versionId).map(QuestionnaireVersion::definitionId).orElse("");
        return org.cpr.questionnaire.internal.FormViews.of(id, c.questionnaire(), c.spec());
    }

    public ScoringSpec spec(UUID versionId) {
        return compile(versionId).spec();
    }

    private Compiled compile(UUID versionId) {
        Compiled cached = compiled.get(versionId);
        if (cached != null) {
            return cached;
        }
        Questionnaire q = fhir.questionnaire(library.fhirJson(versionId));
        Compiled c = new Compiled(q, QuestionnaireModel.of(q), fhir.scoring(q));
        if (library.version(versionId).map(QuestionnaireVersion::published).orElse(false)) {
            compiled.put(versionId, c);
        }
        return c;
    }
}
