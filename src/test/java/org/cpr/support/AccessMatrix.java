package org.cpr.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import jakarta.servlet.ServletException;

import org.cpr.shared.Role;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Runs a role × {@link Endpoint} matrix through a web slice: who is refused, who gets
 * past security, what someone signed out meets, and that a form post needs its CSRF
 * token. The module's API is a mock in the slice: a refused call must never reach it. The
 * test keeps its endpoint list and the number of refusals it expects.
 */
public final class AccessMatrix {

	private final MockMvc mvc;

	private final List<Endpoint> endpoints;

	private final Object[] module;

	/**
	 * @param module the mocked API beans of the module under test; none of them may be
	 * called on a refused or signed-out request
	 */
	public AccessMatrix(MockMvc mvc, List<Endpoint> endpoints, Object... module) {
		this.mvc = mvc;
		this.endpoints = endpoints;
		this.module = module;
	}

	/**
	 * Every role outside an endpoint's rule gets 403 (an API call as a problem detail)
	 * and the module is not asked anything.
	 * @return how many role × endpoint calls were refused
	 */
	public int refusesEveryRoleOutsideTheRules() throws Exception {
		int refusals = 0;
		for (Endpoint endpoint : endpoints) {
			for (Role role : endpoint.refused()) {
				MockHttpServletResponse response = perform(endpoint, role);
				assertThat(response.getStatus()).as(role + " " + endpoint).isEqualTo(403);
				if (endpoint.isApi()) {
					assertThat(response.getContentType()).as(role + " " + endpoint).contains("problem+json");
				}
				verifyNoInteractions(module);
				refusals++;
			}
		}
		return refusals;
	}

	/**
	 * Every role inside an endpoint's rule gets through the filter chain and method
	 * security: no 401/403, no detour to sign-in or the second factor.
	 */
	public void letsEveryRoleInsideTheRulesPastSecurity() throws Exception {
		for (Endpoint endpoint : endpoints) {
			for (Role role : endpoint.allowed()) {
				try {
					MockHttpServletResponse response = perform(endpoint, role);
					assertThat(response.getStatus()).as(role + " " + endpoint).isNotIn(401, 403);
					assertThat(String.valueOf(response.getRedirectedUrl())).as(role + " " + endpoint)
						.doesNotContain("/login")
						.doesNotContain("/mfa/");
				}
				catch (ServletException handlerFailed) {
					// the handler ran (on a mocked module answering nothing): security
					// let
					// it through
					assertThat(handlerFailed).as(role + " " + endpoint)
						.hasMessageStartingWith("Request processing failed")
						.rootCause()
						.isNotInstanceOf(AccessDeniedException.class);
				}
			}
		}
	}

	/**
	 * Signed out, a page sends to sign-in and an API call answers 401 as a problem
	 * detail; the module is not asked anything.
	 */
	public void turnsAwayEveryoneSignedOut() throws Exception {
		for (Endpoint endpoint : endpoints) {
			MockHttpServletResponse response = mvc.perform(endpoint.request().with(csrf())).andReturn().getResponse();
			if (endpoint.isApi()) {
				assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(401);
				assertThat(response.getContentType()).as(endpoint.toString()).contains("problem+json");
			}
			else {
				assertThat(response.getRedirectedUrl()).as(endpoint.toString()).endsWith("/login");
			}
		}
		verifyNoInteractions(module);
	}

	/**
	 * A form post (not an API call) without its CSRF token is refused with 403 even for a
	 * role its rule lets in; the module is not asked anything.
	 */
	public void refusesFormPostsWithoutTheCsrfToken(Role role) throws Exception {
		for (Endpoint endpoint : endpoints) {
			if (endpoint.isWrite() && !endpoint.isApi()) {
				int status = mvc.perform(endpoint.request().with(signedIn(as(role))))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(status).as(endpoint.toString()).isEqualTo(403);
			}
		}
		verifyNoInteractions(module);
	}

	private MockHttpServletResponse perform(Endpoint endpoint, Role role) throws Exception {
		return mvc.perform(endpoint.request().with(signedIn(as(role))).with(csrf())).andReturn().getResponse();
	}

}
