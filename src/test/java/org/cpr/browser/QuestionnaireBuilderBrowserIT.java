package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.cpr.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A facilitator builds, previews and publishes a questionnaire on a phone, with server
 * round trips only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
class QuestionnaireBuilderBrowserIT {

	@LocalServerPort
	int port;

	@Test
	void facilitatorBuildsPreviewsAndPublishesAtPhoneWidth() {
		Page page = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(page, "facilitator");
		page.navigate("/questionnaires");
		page.locator("#open-builder").click();
		assertThat(page.locator("h1")).hasText("Questionnaire builder");

		page.getByLabel("Questionnaire id").fill("Night Shifts");
		page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Night shift check");
		page.locator("#create-questionnaire").click();
		assertThat(page.locator("#err-new-id")).isVisible();
		assertThat(page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))).hasValue("Night shift check");
		page.getByLabel("Questionnaire id").fill("night-shifts");
		page.locator("#create-questionnaire").click();
		assertThat(page.locator("#version-status")).containsText("version 1 · draft");

		addChoiceItem(page, 0, "How often did a night shift run over?");
		addChoiceItem(page, 1, "How often did you sleep less than six hours?");
		page.getByLabel("New item type").selectOption("text");
		page.locator("#add-item").click();
		page.locator("#item-2-text").fill("What would make nights easier?");
		page.locator("#scored").check();
		page.locator("#add-band").click();
		page.locator("#band-0-min").fill("0");
		page.locator("#band-0-max").fill("3");
		page.locator("#band-0-code").fill("manageable");
		page.locator("#add-band").click();
		page.locator("#band-1-min").fill("4");
		page.locator("#band-1-max").fill("6");
		page.locator("#band-1-code").fill("heavy");
		page.locator("#save-draft").click();
		assertThat(page.locator("p.alert.ok")).hasText("Draft saved.");
		FoundationBrowserIT.assertNoSeriousViolations(page, "the builder editor");

		page.locator("#preview-phone").click();
		assertThat(page.locator("section.phone-frame h1")).hasText("Night shift check");
		page.locator("label.q-option", new Page.LocatorOptions().setHasText("Always")).first().click();
		page.locator("label.q-option", new Page.LocatorOptions().setHasText("Often")).nth(1).click();
		page.locator("#check-answers").click();
		assertThat(page.locator("#preview-result")).containsText("5.0");
		assertThat(page.locator("#preview-result")).containsText("heavy");
		page.locator("#back-to-editor").click();

		page.locator("#publish").click();
		assertThat(page.locator("#published-note")).isVisible();
		assertThat(page.locator("#version-status")).containsText("version 1 · published");
		assertThat(page.locator("#item-0-text")).isDisabled();
		page.locator("#new-version").click();
		assertThat(page.locator("#version-status")).containsText("version 2 · draft");
		assertThat(page.locator("#item-1-text")).hasValue("How often did you sleep less than six hours?");
		assertThat(page).hasURL(Pattern.compile(".*/questionnaires/builder/versions/.*"));
	}

	/**
	 * Adds a choice item (it comes with two options) and gives it four options weighted 0
	 * to 3.
	 */
	static void addChoiceItem(Page page, int index, String text) {
		page.getByLabel("New item type").selectOption("choice");
		page.locator("#add-item").click();
		String at = "#item-" + index + "-";
		page.locator(at + "text").fill(text);
		page.locator(at + "add-choice").click();
		page.locator(at + "add-choice").click();
		String[] labels = { "Never", "Sometimes", "Often", "Always" };
		for (int j = 0; j < labels.length; j++) {
			page.locator(at + "choice-" + j + "-display").fill(labels[j]);
			assertThat(page.locator(at + "choice-" + j + "-weight")).hasValue(Integer.toString(j));
		}
		page.locator(at + "required").check();
	}

}
