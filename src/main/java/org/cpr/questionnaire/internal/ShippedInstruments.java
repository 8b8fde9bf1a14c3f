package org.cpr.questionnaire.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.cpr.questionnaire.QuestionnaireLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the instruments shipped as data ({@code instruments/*.json}) into the library at
 * start-up, in every profile, once: a definition that exists is left alone (its versions
 * are the institution's).
 */
@Component
@Order(-10)
class ShippedInstruments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ShippedInstruments.class);

	private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

	private final QuestionnaireLibrary library;

	private final JdbcClient jdbc;

	ShippedInstruments(QuestionnaireLibrary library, JdbcClient jdbc) {
		this.library = library;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		int loaded = 0;
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:instruments/*.json")) {
			String id = resource.getFilename().replace(".json", "");
			boolean present = jdbc.sql("SELECT COUNT(*) FROM questionnaire_definition WHERE id = ?")
				.param(id)
				.query(Integer.class)
				.single() > 0;
			if (!present) {
				String json = resource.getContentAsString(StandardCharsets.UTF_8);
				// a definition shipped as a draft (a licensed scale without its wording)
				// stays
				// a draft until an institution completes and publishes it
				boolean draft = "draft".equals(MAPPER.readTree(json).path("status").asText());
				library.importFhir(json, !draft, true, null);
				loaded++;
			}
		}
		if (loaded > 0) {
			log.info("Loaded {} shipped instruments into the questionnaire library", loaded);
		}
	}

}
