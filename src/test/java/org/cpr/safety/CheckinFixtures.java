package org.cpr.safety;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Check-in form submissions for MockMvc tests. */
final class CheckinFixtures {

	static final String PASSPHRASE = "correct horse battery staple";

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private CheckinFixtures() {
	}

	/**
	 * A complete screening: PHQ-9 items 1–8 at {@code phq}, item 9 at {@code item9}, and
	 * the rest.
	 */
	static MockHttpServletRequestBuilder checkin(String handle, int phq, int item9, int gad, boolean trauma,
			int burnout) {
		return checkin(handle, PASSPHRASE, UUID.randomUUID().toString(), "", phq, item9, gad, trauma, burnout);
	}

	static MockHttpServletRequestBuilder checkin(String handle, String passphrase, String key, String doorbell, int phq,
			int item9, int gad, boolean trauma, int burnout) {
		MockHttpServletRequestBuilder r = post("/checkin").with(csrf())
			.param("handle", handle)
			.param("passphrase", passphrase)
			.param("doorbell", doorbell)
			.param("idempotencyKey", key);
		for (int i = 1; i <= 8; i++) {
			r.param("phq9_" + i, Integer.toString(phq));
		}
		r.param("phq9_9", Integer.toString(item9));
		for (int i = 1; i <= 7; i++) {
			r.param("gad7_" + i, Integer.toString(gad));
		}
		r.param("pcptsd5_exposure", Boolean.toString(trauma));
		if (trauma) {
			for (int i = 1; i <= 5; i++) {
				r.param("pcptsd5_" + i, "true");
			}
		}
		return r.param("burnout_1", Integer.toString(burnout));
	}

	static String handle() {
		return "h-" + UUID.randomUUID().toString().substring(0, 12);
	}

	/** The sealed thread token on a page, or null. */
	static String tokenIn(String page) {
		Matcher m = TOKEN.matcher(page);
		return m.find() ? m.group(1) : null;
	}

	/** Signs in as the participant and returns the sealed token from the thread page. */
	static String signIn(MockMvc mvc, String handle) throws Exception {
		String page = mvc
			.perform(post("/checkin/return").with(csrf()).param("handle", handle).param("passphrase", PASSPHRASE))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = TOKEN.matcher(page);
		if (!m.find()) {
			throw new AssertionError("no thread token on the page");
		}
		return m.group(1);
	}

}
