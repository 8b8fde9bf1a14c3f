package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Free text is stored as typed and shown inert: HTML stays text, formulas stay text,
 * oversize text is refused politely.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CqiFreeTextSafetyTests {

	static final String SCRIPT = "<script>alert('xss')</script>";
	static final String IMG = "<img src=x onerror=alert(1)>";
	static final String SVG = "<svg onload=alert(2)>";

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	@Autowired
	CqiEvidence evidence;

	final CprUser facilitator = as(Role.FACILITATOR);

	@Test
	void htmlAndScriptPayloadsAreRenderedAsTextOnTheItemBoardAndQuotes() throws Exception {
		UUID id = register.create(
				new ItemDraft("T " + SCRIPT, "P " + IMG, null, "U " + SVG, null, CqiCategory.OTHER, null, null),
				facilitator.personId());
		register.publish(id, "Y " + SCRIPT, "W " + IMG, facilitator.personId());
		evidence.addQuote(id, "Q " + SVG, facilitator.personId());
		String item = mvc.perform(get("/cqi/items/" + id).with(user(facilitator)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String board = mvc.perform(get("/cqi/board").with(user(as(Role.PARTICIPANT))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String page : List.of(item, board)) {
			assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<svg onload");
		}
		assertThat(item).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("&lt;svg onload=alert(2)&gt;");
		assertThat(board).contains("Y &lt;script&gt;");
	}

	@Test
	void csvInjectionPayloadsAreNeutralisedInTheRegisterExport() throws Exception {
		register.create(new ItemDraft("=HYPERLINK(\"http://evil.example\",\"click\")", "P", null, "+cmd|' /C calc'!A0",
				"@SUM(1+1)", CqiCategory.OTHER, null, null), facilitator.personId());
		String csv = mvc.perform(get("/cqi/items.csv").with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
		CSVRecord row = rows.stream().filter(r -> r.get("title").contains("HYPERLINK")).findFirst().orElseThrow();
		assertThat(row.get("title")).startsWith("'=HYPERLINK");
		assertThat(row.get("unit")).startsWith("'+cmd");
		assertThat(row.get("rotation")).startsWith("'@SUM");
	}

	@Test
	void textOverTheLimitIsRefusedWithAFieldMessageAndKeptAsTyped() throws Exception {
		UUID id = register.create(new ItemDraft("Limits", "P", null, null, null, CqiCategory.OTHER, null, null),
				facilitator.personId());
		String longQuote = "q".repeat(2001);
		mvc.perform(post("/cqi/items/" + id + "/evidence/quotes").with(user(facilitator))
			.with(csrf())
			.param("text", longQuote))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A quote can be at most 2,000 characters")))
			.andExpect(content().string(containsString(longQuote)));
		String longReport = "r".repeat(10_001);
		mvc.perform(post("/speak-up").with(csrf())
			.param("channel", "SYSTEMIC")
			.param("category", "OTHER")
			.param("body", longReport)
			.param("idempotencyKey", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("longer than 10,000 characters")))
			.andExpect(content().string(containsString(longReport)))
			.andExpect(content().string(not(containsString("Thank you. Your report was received."))));
	}

}
