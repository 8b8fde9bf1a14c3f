package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A Spanish reader of the anonymous check-in gets the PHQ-9 and GAD-7 in Spanish, and is
 * told, in Spanish, that the instruments without a shippable Spanish version (PC-PTSD-5,
 * the burnout item, the moral distress thermometer) are in English only; their English
 * wording is marked as English for screen readers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CheckinLanguageTests {

	@Autowired
	MockMvc mvc;

	String checkin(String language) throws Exception {
		return mvc.perform(get("/checkin").cookie(new Cookie("CPRLANG", language)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String section(String page, String key) {
		int start = page.indexOf("id=\"section-" + key + "\"");
		assertThat(start).as(key).isPositive();
		int next = page.indexOf("class=\"checkin-instrument\"", start + 1);
		return page.substring(start, next < 0 ? page.length() : next);
	}

	@Test
	void englishOnlyInstrumentsSayItInSpanishAndTranslatedOnesDoNot() throws Exception {
		String es = checkin("es");
		assertThat(section(es, "pcptsd5")).contains("id=\"english-only-pcptsd5\"")
			.contains("Este cuestionario solo está disponible en inglés")
			.contains("lang=\"en\"");
		assertThat(section(es, "burnout")).contains("id=\"english-only-burnout\"");
		assertThat(section(es, "phq9")).doesNotContain("english-only")
			.contains("Poco interés o placer en hacer cosas")
			.doesNotContain("lang=\"en\"");
		assertThat(section(es, "gad7")).doesNotContain("english-only");

		String en = checkin("en");
		assertThat(en).doesNotContain("english-only").contains("Primary Care PTSD Screen");
	}

}
