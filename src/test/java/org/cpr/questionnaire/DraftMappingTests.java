package org.cpr.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The builder's form and FHIR, without Spring: what the builder writes is what the
 * importer and scorer read.
 */
class DraftMappingTests {

	static final FhirSupport FHIR = new FhirSupport();

	@Test
	void everyShippedInstrumentSurvivesTheBuilderUnchangedForTheScorer() throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:instruments/*.json")) {
			Questionnaire original = FHIR.questionnaire(resource.getContentAsString(StandardCharsets.UTF_8));
			ScoringSpec spec = FHIR.scoring(original);
			DraftForm form = DraftMapping.read(original, spec);
			assertThat(DraftValidator.validate(form, true, java.util.Set.of()))
				.as(resource.getFilename() + " reads as a valid draft")
				.isEmpty();
			Questionnaire written = DraftMapping.write(form, original, original.getIdElement().getIdPart(),
					DraftMapping.advanced(spec, form.items()), FHIR.json());
			Questionnaire reparsed = FHIR.questionnaire(FHIR.write(written));
			assertThat(QuestionnaireModel.of(reparsed)).as(resource.getFilename())
				.isEqualTo(QuestionnaireModel.of(original));
			assertThat(FHIR.scoring(reparsed)).as(resource.getFilename()).isEqualTo(spec);
			assertThat(reparsed.getCode()).as("what the builder does not edit is kept")
				.hasSameSizeAs(original.getCode());
		}
	}

	@Test
	void simpleScoringIsTheSumOfTheChoiceItemsWithBands() {
		LinkedMultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
		posted.add("title", "Two items");
		posted.add("scored", "true");
		posted.add("bands[0].min", "0");
		posted.add("bands[0].max", "1.5");
		posted.add("bands[0].code", "low");
		DraftForm form = DraftForm.parse(posted);
		DraftEdits.apply(form, "addItem", "choice");
		DraftEdits.apply(form, "addItem", "display");
		DraftEdits.apply(form, "addItem", "choice");
		DraftEdits.apply(form, "addChoice:2", null);
		assertThat(form.items()).extracting(DraftForm.ItemRow::linkId).containsExactly("1", "2", "3");
		assertThat(form.items().get(2).choices()).extracting(DraftForm.ChoiceRow::weight)
			.containsExactly("0", "1", "2");

		Questionnaire q = DraftMapping.write(form, new Questionnaire(), "two-items", false, FHIR.json());
		ScoringSpec spec = FHIR.scoring(q);
		assertThat(spec.method()).isEqualTo(ScoringSpec.Method.SUM);
		assertThat(spec.items()).containsExactly("1", "3");
		assertThat(spec.bands()).containsExactly(new ScoringSpec.Band(0, 1.5, "low"));
		assertThat(QuestionnaireModel.of(q).items().get("3").choices()).containsEntry("2", 2.0);
	}

	@Test
	void movesAndGroupsNestItemsInTheFhirTree() {
		DraftForm form = DraftForm.parse(new LinkedMultiValueMap<>());
		DraftEdits.apply(form, "addItem", "group");
		DraftEdits.apply(form, "addItem", "boolean");
		DraftEdits.apply(form, "addItem", "integer");
		DraftEdits.apply(form, "outdent:2", null);
		Questionnaire q = DraftMapping.write(form, new Questionnaire(), "grouped", false, FHIR.json());
		assertThat(q.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
			.containsExactly("1", "3");
		assertThat(q.getItem().get(0).getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
			.containsExactly("2");
		DraftEdits.apply(form, "up:2", null);
		assertThat(form.items()).extracting(DraftForm.ItemRow::linkId).containsExactly("1", "3", "2");
		assertThat(DraftEdits.apply(form, "deleteItem:99", null)).isEqualTo(-1);
		assertThat(form.items()).hasSize(3);
	}

}
