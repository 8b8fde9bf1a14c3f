package org.cpr.support;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cpr.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One row of a role × endpoint matrix: a call and the roles its rule lets through. The
 * call carries what its handler needs to be invoked at all (required parameters, a JSON
 * body), since method security decides only once the arguments are bound. Each
 * {@link #request()} is a fresh builder: a builder keeps every post-processor it is
 * given.
 */
public record Endpoint(HttpMethod method, String path, Set<Role> allowed, String json, List<String> params) {

	/** Every role: a signed-in person of any kind. */
	public static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

	public static Endpoint read(String path, Set<Role> allowed) {
		return new Endpoint(HttpMethod.GET, path, allowed, null, List.of());
	}

	/** A form post; {@code params} are name, value, name, value… */
	public static Endpoint write(String path, Set<Role> allowed, String... params) {
		return new Endpoint(HttpMethod.POST, path, allowed, null, List.of(params));
	}

	/** An API call with a JSON body. */
	public static Endpoint json(HttpMethod method, String path, Set<Role> allowed, String json) {
		return new Endpoint(method, path, allowed, json, List.of());
	}

	public MockHttpServletRequestBuilder request() {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
		for (int i = 0; i < params.size(); i += 2) {
			request.param(params.get(i), params.get(i + 1));
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return request;
	}

	/** The roles this endpoint's rule refuses. */
	public Set<Role> refused() {
		return EnumSet.complementOf(EnumSet.copyOf(allowed));
	}

	public boolean isApi() {
		return path.startsWith("/api/");
	}

	public boolean isWrite() {
		return !HttpMethod.GET.equals(method);
	}

	@Override
	public String toString() {
		return method + " " + path;
	}

}
