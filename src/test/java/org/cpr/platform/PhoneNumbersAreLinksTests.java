package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
import org.cpr.directory.ServiceQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On a phone a number is only useful if a tap dials it (issue #19): on the crisis page,
 * the anonymous check-in and every directory service page, in English and Spanish, no
 * phone number appears as plain text outside a {@code tel:} or {@code sms:} link, and the
 * on-call counselor line shows its number from settings ({@code cpr.crisis.oncall-phone},
 * set in {@code application-test.yml}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PhoneNumbersAreLinksTests {

	static final Pattern PHONE = Pattern.compile("(?<![\\d-])(?:1-)?\\d{3}-\\d{3}-\\d{4}(?![\\d-])");

	static final Pattern LINK = Pattern.compile("<a\\b[^>]*href=\"(tel|sms):[^\"]*\"[^>]*>.*?</a>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	ServiceDirectory directory;

	/**
	 * Phone numbers a reader sees in the page's text with no tap-to-dial link to the same
	 * number anywhere on the page ("1-888-409-0141" written out beside a "Call" link is
	 * fine; a number only in text is not).
	 */
	static List<String> untappable(String html) {
		String body = html.substring(Math.max(0, html.indexOf("<body")));
		java.util.Set<String> dialable = new java.util.HashSet<>();
		Matcher href = Pattern.compile("href=\"(?:tel|sms):([^\"?]*)").matcher(body);
		while (href.find()) {
			dialable.add(digits(href.group(1)));
		}
		String text = LINK.matcher(body)
			.replaceAll(" ")
			.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("<[^>]+>", " ");
		List<String> found = new ArrayList<>();
		Matcher m = PHONE.matcher(text);
		while (m.find()) {
			if (!dialable.contains(digits(m.group()))) {
				found.add(m.group());
			}
		}
		return found;
	}

	static String digits(String number) {
		String d = number.replaceAll("\\D", "");
		return d.length() == 11 && d.startsWith("1") ? d.substring(1) : d;
	}

	String page(String path, String lang) throws Exception {
		return mvc.perform(get(path).param("lang", lang)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void everyPhoneNumberOnTheCrisisPageTheCheckinAndTheDirectoryIsATapToDial() throws Exception {
		List<String> problems = new ArrayList<>();
		List<String> paths = new ArrayList<>(List.of("/crisis", "/checkin", "/directory"));
		for (ServiceEntry s : directory.search(new ServiceQuery(null, null, null, null, false, false, false))) {
			paths.add("/directory/services/" + s.id());
		}
		int tappable = 0;
		for (String path : paths) {
			for (String lang : List.of("en", "es")) {
				String html = page(path, lang);
				untappable(html).forEach(n -> problems.add(path + " (" + lang + "): " + n));
				Matcher links = LINK.matcher(html);
				while (links.find()) {
					tappable++;
				}
			}
		}
		assertThat(paths).as("directory services walked").hasSizeGreaterThan(50);
		assertThat(tappable).as("tap-to-dial links found").isGreaterThan(50);
		assertThat(problems).as("numbers shown as plain text").isEmpty();
	}

	@Test
	void theOnCallCounselorLineShowsItsNumberFromSettings() throws Exception {
		for (String lang : List.of("en", "es")) {
			assertThat(page("/crisis", lang)).as(lang)
				.contains("Campus counselor on call")
				.contains("href=\"tel:303-555-0100\">303-555-0100</a>");
		}
	}

	@Test
	void theDetectorFindsAPlainNumber() {
		assertThat(untappable("<body><p>Call 303-555-0100 or <a href=\"tel:988\">988</a></p>"))
			.containsExactly("303-555-0100");
		assertThat(untappable("<body><p>1-888-409-0141 <a href=\"tel:+18884090141\">Call</a></p>")).isEmpty();
		assertThat(untappable("<body><a class=\"x\" href=\"tel:303-555-0100\">303-555-0100</a>")).isEmpty();
	}

}
