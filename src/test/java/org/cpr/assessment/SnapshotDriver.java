package org.cpr.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.support.TestUsers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Answers the snapshot page by page as a browser would: each POST carries the other
 * pages' answers.
 */
final class SnapshotDriver {

	/** The battery's last step: the optional moral distress thermometer. */
	static final String LAST = "moral-distress-thermometer";

	final MockMvc mvc;

	final CprUser user;

	final String key = UUID.randomUUID().toString();

	final Map<String, Map<String, String>> answers = new LinkedHashMap<>();

	final java.util.Set<String> skipped = new java.util.LinkedHashSet<>();

	/** The interface language (the CPRLANG cookie), or null for the default. */
	String lang;

	int step = 0;

	SnapshotDriver(MockMvc mvc, CprUser user) {
		this.mvc = mvc;
		this.user = user;
	}

	static Map<String, String> same(int items, String value) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 1; i <= items; i++) {
			m.put(Integer.toString(i), value);
		}
		return m;
	}

	MockHttpServletRequestBuilder request(String instrument, Map<String, String> current, String action) {
		MockHttpServletRequestBuilder req = post("/snapshot/take/" + step).with(TestUsers.signedIn(user))
			.with(csrf())
			.param("instrument", instrument)
			.param("idempotencyKey", key)
			.param("action", action);
		answers.forEach((id, items) -> {
			if (!id.equals(instrument)) {
				items.forEach((link, v) -> req.param("p__" + id + "__" + link, v));
			}
		});
		current.forEach((link, v) -> req.param("a_" + link, v));
		skipped.forEach(id -> req.param("skipped", id));
		if (lang != null) {
			req.cookie(new jakarta.servlet.http.Cookie("CPRLANG", lang));
		}
		return req;
	}

	MvcResult answer(String instrument, Map<String, String> current) throws Exception {
		step++;
		answers.put(instrument, current);
		return mvc.perform(request(instrument, current, "next")).andReturn();
	}

	MvcResult skip(String instrument) throws Exception {
		step++;
		MvcResult result = mvc.perform(request(instrument, Map.of(), "skip")).andReturn();
		skipped.add(instrument);
		return result;
	}

	/**
	 * The default battery up to the optional PTSD screen; phq2/gad2 values decide the
	 * follow-ups.
	 */
	MvcResult takeAll(String phq2, String phq9Item9, String burnout) throws Exception {
		answer("brs", same(6, "3"));
		answer("who-5", same(5, "3"));
		answer("burnout-single-item", Map.of("1", burnout));
		answer("phq-2", same(2, phq2));
		if (Integer.parseInt(phq2) * 2 >= 3) {
			Map<String, String> phq9 = same(8, "1");
			phq9.put("9", phq9Item9);
			answer("phq-9", phq9);
		}
		answer("gad-2", same(2, "0"));
		skip("pc-ptsd-5");
		return skip(LAST);
	}

}
