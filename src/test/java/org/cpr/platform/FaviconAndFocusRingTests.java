package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two things axe cannot see (issue #19): every page names an icon the browser can fetch
 * (no 404 in the console, signed in or not), and the keyboard focus ring the style sheet
 * draws has at least 3:1 contrast (WCAG 2.4.11/1.4.11) on white, on the light panels and
 * on the blue header. The colours are read from the shipped style sheet, so changing the
 * ring or the header colour to one that is too faint fails here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FaviconAndFocusRingTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/login", "/crisis", "/directory", "/courses/public", "/checkin" })
	void everyPageLinksAnIconThatIsServedToAnyone(String path) throws Exception {
		String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher icon = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\"").matcher(page);
		assertThat(icon.find()).as(path + " names an icon").isTrue();
		String svg = mvc.perform(get(icon.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("image/svg+xml")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<svg").contains("</svg>");
	}

	@Test
	void theIcoAddressBrowsersAskForOnTheirOwnLeadsToTheIcon() throws Exception {
		mvc.perform(get("/favicon.ico"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl("/img/favicon.svg"));
	}

	@Test
	void theFocusRingHasAtLeastThreeToOneContrastOnWhitePanelsAndTheHeader() throws IOException {
		String css = new ClassPathResource("static/css/cpr.css").getContentAsString(StandardCharsets.UTF_8);
		Map<String, String> vars = new HashMap<>();
		Matcher v = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(css);
		while (v.find()) {
			vars.put(v.group(1), v.group(2));
		}
		Matcher ring = Pattern.compile("a:focus-visible[^{]*\\{[^}]*outline:\\s*\\d+px solid ([^;]+);").matcher(css);
		assertThat(ring.find()).as("the shared focus rule draws a solid outline").isTrue();
		String onPage = colour(ring.group(1).strip(), vars);
		Matcher headerRing = Pattern.compile("\\.site-header :focus-visible\\s*\\{\\s*outline-color:\\s*([^;]+);")
			.matcher(css);
		assertThat(headerRing.find()).as("the header sets its own ring colour").isTrue();
		String inHeader = colour(headerRing.group(1).strip(), vars);
		Matcher headerBg = Pattern.compile("\\.site-header\\s*\\{\\s*background:\\s*([^;]+);").matcher(css);
		assertThat(headerBg.find()).isTrue();
		String header = colour(headerBg.group(1).strip(), vars);

		assertThat(contrast(onPage, "#ffffff")).as("ring %s on white", onPage).isGreaterThanOrEqualTo(3.0);
		assertThat(contrast(onPage, vars.get("panel"))).as("ring %s on the light panels", onPage)
			.isGreaterThanOrEqualTo(3.0);
		assertThat(contrast(inHeader, header)).as("ring %s on the header's %s", inHeader, header)
			.isGreaterThanOrEqualTo(3.0);
		assertThat(contrast("#f0b400", "#ffffff")).as("the old amber ring, for the record").isLessThan(3.0);
	}

	static String colour(String value, Map<String, String> vars) {
		Matcher var = Pattern.compile("var\\(--([a-z-]+)\\)").matcher(value);
		String hex = var.matches() ? vars.get(var.group(1)) : value;
		assertThat(hex).as(value).matches("#[0-9a-fA-F]{6}");
		return hex;
	}

	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	static double luminance(String hex) {
		double[] c = new double[3];
		for (int i = 0; i < 3; i++) {
			double s = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	}

}
