package org.cpr.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.Role;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every assistance endpoint (found from the handler mappings, so a new one is covered at
 * once) called by every role: the clinician's desk, episodes, notes and break the glass
 * answer only resilience clinicians; the access report only facilitators; the person's
 * own pages and booking any signed-in person (who only ever sees their own). Anonymous
 * callers get nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AssistanceFirewallTests {

	/**
	 * Path prefixes and the only role that may call them; anything not listed is open to
	 * every signed-in role.
	 */
	static final Map<String, Role> RESTRICTED = Map.of("/assistance/clinician", Role.RESILIENCE_CLINICIAN,
			"/assistance/episodes", Role.RESILIENCE_CLINICIAN, "/assistance/reports", Role.FACILITATOR,
			"/api/v1/assistance/episodes", Role.RESILIENCE_CLINICIAN, "POST /api/v1/assistance/slots",
			Role.RESILIENCE_CLINICIAN);

	@Autowired
	MockMvc mvc;

	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	record Endpoint(HttpMethod method, String pattern) {
		String example() {
			String path = pattern.replace("{instrument}", "phq-9");
			return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		}

		Role onlyFor() {
			Role byMethod = RESTRICTED.get(method.name() + " " + pattern);
			if (byMethod != null) {
				return byMethod;
			}
			return RESTRICTED.entrySet()
				.stream()
				.filter(e -> pattern.startsWith(e.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}
	}

	List<Endpoint> endpoints() {
		List<Endpoint> found = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : mappings) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
				if (!e.getValue().getBeanType().getPackageName().equals("org.cpr.assistance")) {
					continue;
				}
				Set<org.springframework.web.bind.annotation.RequestMethod> methods = e.getKey()
					.getMethodsCondition()
					.getMethods();
				for (String pattern : e.getKey().getPatternValues()) {
					for (var m : methods) {
						found.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern));
					}
				}
			}
		}
		return found;
	}

	MockHttpServletRequestBuilder call(Endpoint e) {
		MockHttpServletRequestBuilder r = request(e.method(), e.example()).param("slot", UUID.randomUUID().toString())
			.param("person", UUID.randomUUID().toString())
			.param("username", "nobody-here")
			.param("status", "CONTACTED")
			.param("pathway", "sleep")
			.param("step", "brief-therapy")
			.param("reason", e.pattern().endsWith("/close") ? "GOALS_MET" : "test")
			.param("body", "x")
			.param("handoff", "x")
			.param("service", UUID.randomUUID().toString())
			.param("days", "90");
		if (e.pattern().startsWith("/api/")) {
			r.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return e.method() == HttpMethod.GET ? r : r.with(csrf());
	}

	@Test
	void everyEndpointAnswersOnlyTheRolesItIsFor() throws Exception {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).as("the scan finds the module's endpoints").hasSizeGreaterThan(25);
		List<String> wrong = new ArrayList<>();
		for (Endpoint e : endpoints) {
			for (Role role : Role.values()) {
				int status = mvc.perform(call(e).with(signedIn(as(role)))).andReturn().getResponse().getStatus();
				Role only = e.onlyFor();
				boolean mayCall = only == null || only == role;
				if (mayCall ? (status == 401 || status == 403) : status != 403) {
					wrong.add(e.method() + " " + e.pattern() + " as " + role + " -> " + status);
				}
			}
			int anonymous = mvc.perform(call(e)).andReturn().getResponse().getStatus();
			if (anonymous != 401 && anonymous != 302) {
				wrong.add(e.method() + " " + e.pattern() + " anonymously -> " + anonymous);
			}
		}
		assertThat(wrong).isEmpty();
	}

}
