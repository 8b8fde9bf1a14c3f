package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.ModelAndView;

/**
 * Oversized values and control characters are the sender's mistake: every place a string
 * reaches the database answers them with a 4xx that says so (a problem detail on the API,
 * the form again or an explanatory page in the browser), never a 500, and never repeats
 * the value or the SQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InputLimitsTests {

	static final String HUGE = "x".repeat(100_000);

	/** JSON-escaped values: a NUL, a bell, and a long but otherwise harmless string. */
	static final List<String> HOSTILE = List.of(HUGE, "a\\u0000b", "a\\u0007b");

	@Autowired
	MockMvc mvc;

	final CprUser facilitator = person(Role.FACILITATOR);

	final CprUser resident = person(Role.PARTICIPANT);

	UUID campaign;

	UUID anonymousWave;

	UUID identifiedWave;

	static CprUser person(Role role) {
		return new CprUser(new PersonId(UUID.randomUUID()), "u" + UUID.randomUUID(), "x", "Test",
				Set.of(new ScopedRole(role, new OrgUnitId(UUID.randomUUID()))), false, true);
	}

	@BeforeEach
	void openWaves() throws Exception {
		campaign = created(api(facilitator, post("/api/v1/surveys/campaigns"),
				"{\"title\":\"Rotation feedback\",\"questionnaireId\":\"cqi-rotation-feedback\",\"privacyMode\":\"ANONYMOUS\"}"));
		anonymousWave = wave(campaign);
		UUID identified = created(api(facilitator, post("/api/v1/surveys/campaigns"),
				"{\"title\":\"Rotation feedback\",\"questionnaireId\":\"cqi-rotation-feedback\",\"privacyMode\":\"CONFIDENTIAL\"}"));
		identifiedWave = wave(identified);
	}

	UUID wave(UUID c) throws Exception {
		UUID w = created(
				api(facilitator, post("/api/v1/surveys/campaigns/" + c + "/waves"), "{\"label\":\"Now\",\"opensOn\":\""
						+ LocalDate.now().minusDays(1) + "\",\"closesOn\":\"" + LocalDate.now().plusDays(7) + "\"}"));
		api(facilitator, post("/api/v1/surveys/campaigns/" + c + "/launch"), "");
		return w;
	}

	static UUID created(MockHttpServletResponse r) throws Exception {
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return UUID.fromString(r.getContentAsString().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

	MockHttpServletResponse api(CprUser who, MockHttpServletRequestBuilder request, String json) throws Exception {
		return mvc
			.perform(request.with(user(who))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn()
			.getResponse();
	}

	static String answers(String comment) {
		return "{\"1\":1,\"2\":1,\"3\":1,\"4\":\"" + comment + "\"}";
	}

	@Test
	void everyApiThatStoresTextAnswersOversizedOrControlCharactersWithAProblem() throws Exception {
		record Call(CprUser who, String method, String path, String body) {
		}
		List<Call> calls = List.of(
				new Call(facilitator, "POST", "/api/v1/surveys/campaigns",
						"{\"title\":\"$\",\"questionnaireId\":\"phq-2\",\"privacyMode\":\"ANONYMOUS\"}"),
				new Call(facilitator, "POST", "/api/v1/surveys/campaigns",
						"{\"title\":\"t\",\"description\":\"$\",\"hospital\":\"$\",\"questionnaireId\":\"phq-2\",\"privacyMode\":\"ANONYMOUS\"}"),
				new Call(facilitator, "POST", "/api/v1/surveys/campaigns",
						"{\"title\":\"t\",\"questionnaireId\":\"$\",\"privacyMode\":\"ANONYMOUS\"}"),
				new Call(facilitator, "POST", "/api/v1/surveys/campaigns/" + campaign + "/waves",
						"{\"label\":\"$\",\"opensOn\":\"2026-01-01\",\"closesOn\":\"2026-01-05\"}"),
				new Call(resident, "POST", "/api/v1/surveys/waves/" + anonymousWave + "/responses",
						"{\"answers\":" + answers("$") + "}"),
				new Call(resident, "POST", "/api/v1/surveys/waves/" + anonymousWave + "/responses",
						"{\"answers\":" + answers("ok")
								+ ",\"context\":{\"hospital\":\"$\",\"rotation\":\"$\",\"pgyLevel\":\"$\"}}"),
				new Call(resident, "PUT", "/api/v1/surveys/waves/" + identifiedWave + "/draft",
						"{\"answers\":" + answers("$") + "}"),
				new Call(facilitator, "POST", "/api/v1/questionnaires",
						"{\"resourceType\":\"Questionnaire\",\"title\":\"$\",\"status\":\"draft\",\"item\":[{\"linkId\":\"1\",\"text\":\"$\",\"type\":\"string\"}]}"),
				new Call(resident, "POST", "/api/v1/questionnaires/phq-2/$score", "{\"answers\":{\"1\":\"$\"}}"));
		List<String> failures = new ArrayList<>();
		for (Call call : calls) {
			for (String value : HOSTILE) {
				MockHttpServletRequestBuilder request = "PUT".equals(call.method()) ? put(call.path())
						: post(call.path());
				MockHttpServletResponse r = api(call.who(), request, call.body().replace("$", value));
				String body = r.getContentAsString();
				boolean clear = r.getStatus() >= 400 && r.getStatus() < 500
						&& String.valueOf(r.getContentType()).contains("problem+json") && !body.contains("xxxxxxxxxx")
						&& !body.toUpperCase().contains("SQL") && !body.contains("VARCHAR");
				if (!clear) {
					failures.add(call.method() + " " + call.path() + " with "
							+ value.substring(0, Math.min(9, value.length())) + "… → " + r.getStatus() + " "
							+ r.getContentType());
				}
			}
		}
		assertThat(failures).as("calls answered with something other than a clear 4xx problem").isEmpty();
	}

	/**
	 * Every form on these pages, sent back with every field oversized: whatever the form
	 * checks or forgets, the answer is never a 5xx.
	 */
	@Test
	void everyFormAnswersOversizedFieldsWithoutAServerError() throws Exception {
		record Page(String path, Role role) {
		}
		List<Page> pages = List.of(new Page("/cqi/items/new", Role.FACILITATOR),
				new Page("/admin/directory/new", Role.ADMINISTRATOR),
				new Page("/questionnaires/builder", Role.FACILITATOR), new Page("/speak-up", Role.PARTICIPANT),
				new Page("/account/tokens", Role.PARTICIPANT), new Page("/surveys/campaigns/new", Role.FACILITATOR),
				new Page("/snapshot/admin", Role.ADMINISTRATOR), new Page("/checkin", Role.PARTICIPANT));
		java.util.regex.Pattern form = java.util.regex.Pattern.compile(
				"<form[^>]*action=\"([^\"]+)\"[^>]*method=\"post\"[^>]*>(.*?)</form>",
				java.util.regex.Pattern.DOTALL | java.util.regex.Pattern.CASE_INSENSITIVE);
		java.util.regex.Pattern field = java.util.regex.Pattern.compile("name=\"([^\"]+)\"");
		List<String> failures = new ArrayList<>();
		int forms = 0;
		for (Page page : pages) {
			CprUser who = person(page.role());
			String html = mvc.perform(get(page.path()).with(user(who))).andReturn().getResponse().getContentAsString();
			java.util.regex.Matcher f = form.matcher(html);
			while (f.find()) {
				String action = f.group(1).replace("&amp;", "&");
				// A form with no field of its own (a "Delete" button) has nothing to
				// oversize, and posting
				// it would delete seeded data (the next-step rules) for every later test
				// in this context.
				if (action.contains("logout") || action.contains("locale") || action.endsWith("/delete")) {
					continue;
				}
				MockHttpServletRequestBuilder post = post(action).with(user(who))
					.with(csrf())
					.accept(MediaType.TEXT_HTML);
				java.util.regex.Matcher n = field.matcher(f.group(2));
				while (n.find()) {
					if (!n.group(1).equals("_csrf")) {
						post.param(n.group(1), HUGE);
					}
				}
				forms++;
				try {
					int status = mvc.perform(post).andReturn().getResponse().getStatus();
					if (status >= 500) {
						failures.add(page.path() + " → POST " + action + " → " + status);
					}
				}
				catch (Exception failed) {
					failures.add(page.path() + " → POST " + action + " → " + failed.getClass().getSimpleName());
				}
			}
		}
		assertThat(forms).as("forms found").isGreaterThan(8);
		assertThat(failures).as("forms that failed with a server error").isEmpty();
	}

	@Test
	void aCommentOver8000CharactersIsA422NamingTheItem() throws Exception {
		MockHttpServletResponse r = api(resident, post("/api/v1/surveys/waves/" + anonymousWave + "/responses"),
				"{\"answers\":" + answers("y".repeat(8_001)) + "}");
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(r.getContentAsString()).contains("\"4\"").contains("answer.tooLongToStore");
		assertThat(api(resident, post("/api/v1/surveys/waves/" + anonymousWave + "/responses"),
				"{\"answers\":" + answers("fine") + "}")
			.getStatus()).as("a short comment is stored").isEqualTo(201);
	}

	@Test
	void aContextValueOver80CharactersIsA422NamingIt() throws Exception {
		MockHttpServletResponse r = api(resident, post("/api/v1/surveys/waves/" + anonymousWave + "/responses"),
				"{\"answers\":" + answers("ok") + ",\"context\":{\"rotation\":\"" + "r".repeat(81) + "\"}}");
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(r.getContentAsString()).contains("context.rotation");
	}

	@Test
	void aNulCharacterIsA400ThatSaysWhy() throws Exception {
		MockHttpServletResponse r = api(resident, post("/api/v1/surveys/waves/" + anonymousWave + "/responses"),
				"{\"answers\":" + answers("nul\\u0000here") + "}");
		assertThat(r.getStatus()).isEqualTo(400);
		assertThat(r.getContentAsString()).contains("control characters");
		assertThat(api(resident, post("/api/v1/surveys/waves/" + anonymousWave + "/responses"),
				"{\"answers\":" + answers("a\\\\u0000 is fine") + "}")
			.getStatus()).as("an escaped backslash before u0000 is text, not NUL").isEqualTo(201);
	}

	@Test
	void formsShowTheSurveyAgainWithTheTooLongCommentMarked() throws Exception {
		String comment = "z".repeat(8_001);
		MockHttpServletResponse r = mvc
			.perform(post("/surveys/waves/" + anonymousWave).with(user(resident))
				.with(csrf())
				.param("a_1", "1")
				.param("a_2", "1")
				.param("a_3", "1")
				.param("a_4", comment))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(r.getContentAsString()).contains("too long to store").contains(comment);
	}

	@Test
	void aFormWithAControlCharacterGetsAPageThatSaysWhy() throws Exception {
		var result = mvc
			.perform(post("/speak-up").with(user(resident))
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("channel", "MISTREATMENT")
				.param("body", "nul\u0000here"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getRequest().getAttribute(ControlCharacterFilter.REASON)).as("the error page explains")
			.isEqualTo("error.input.controlCharacters");
		assertThat(mvc.perform(get("/directory").param("q", "a\u0000b").with(user(resident)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void aRosterFileWithANulIsRefusedWithAReasonNotStored() throws Exception {
		byte[] csv = "code,parent_code,kind,name\nNULUNIT,,INSTITUTION,Nul\u0000Campus\n"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		MockHttpServletResponse r = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/admin/roster/preview")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "units.csv", "text/csv", csv))
				.param("kind", "ORG_UNITS")
				.with(org.cpr.support.TestUsers.signedIn(person(Role.SYSTEM_ADMIN)))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isLessThan(500);
		assertThat(r.getContentAsString()).contains("control characters");
	}

	@Test
	void whatAFormForgetsTheDatabaseRefusesAsA422WithoutTheSql() {
		DataIntegrityViolationException refused = new DataIntegrityViolationException(
				"Value too long for column \"DIRECTORY_SLUG CHARACTER VARYING(120)\": \"'secret-value...' (500)\"");
		ModelAndView page = new PageExceptionHandler().notStorable(refused);
		assertThat(page.getStatus().value()).isEqualTo(422);
		assertThat(page.getModel()).isEqualTo(Map.of("status", 422, "reason", "error.input.notStorable"));
		var problem = DatabaseUnavailableTests.apiAdvice().notStorable(refused);
		assertThat(problem.getStatus()).isEqualTo(422);
		assertThat(problem.getDetail()).contains("too long").doesNotContain("secret").doesNotContain("VARYING");
	}

	@Test
	void theSnapshotRuleFormMarksAFieldTooLongForItsColumn() throws Exception {
		MockHttpServletResponse r = mvc
			.perform(post("/snapshot/admin/rules").with(user(person(Role.ADMINISTRATOR)))
				.with(csrf())
				.param("flag", "SAFETY")
				.param("category", "CRISIS")
				.param("fallbackText", "Call us")
				.param("directorySlug", "s".repeat(500)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(r.getContentAsString()).contains("longer than a rule can hold");
	}

}
