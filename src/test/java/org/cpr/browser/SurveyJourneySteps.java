package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.UUID;
import com.microsoft.playwright.Page;

/** Steps shared by survey browser tests. */
final class SurveyJourneySteps {

	private SurveyJourneySteps() {
	}

	/**
	 * Builds a two-question questionnaire with a comment box in the facilitator's builder
	 * and publishes it; returns the campaign form's option value for the published
	 * version.
	 */
	static String buildQuestionnaire(Page facilitator) {
		String id = "nights-" + UUID.randomUUID().toString().substring(0, 8);
		facilitator.navigate("/questionnaires/builder");
		facilitator.locator("#new-id").fill(id);
		facilitator.locator("#new-title").fill("Last night shift");
		facilitator.locator("#create-questionnaire").click();
		addChoice(facilitator, 0, "How safe did the workload feel?",
				List.of("Safe", "Mostly safe", "Stretched", "Unsafe"));
		addChoice(facilitator, 1, "Could you reach your senior when needed?",
				List.of("Always", "Usually", "Rarely", "Never"));
		facilitator.locator("#new-item-type").selectOption("text");
		facilitator.locator("#add-item").click();
		facilitator.locator("#item-2-text").fill("What one change would help most?");
		facilitator.locator("#scored").check();
		facilitator.locator("#publish").click();
		assertThat(facilitator.locator("#published-note")).isVisible();
		assertThat(facilitator.locator("#version-status")).containsText("published");
		return id + ":1";
	}

	private static void addChoice(Page page, int index, String text, List<String> labels) {
		page.locator("#new-item-type").selectOption("choice");
		page.locator("#add-item").click();
		page.locator("#item-" + index + "-text").fill(text);
		page.locator("#item-" + index + "-required").check();
		page.locator("#item-" + index + "-add-choice").click();
		page.locator("#item-" + index + "-add-choice").click();
		for (int i = 0; i < labels.size(); i++) {
			page.locator("#item-" + index + "-choice-" + i + "-display").fill(labels.get(i));
		}
	}

}
