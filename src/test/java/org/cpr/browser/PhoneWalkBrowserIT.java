package org.cpr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.cpr.support.BrowserSupport;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every role of the demo campus (the on-call clinician, the peer support coordinator, the
 * reach-in referrer and the conduct officer included) on a 360 px phone: each page its
 * menu offers (and home, account and the crisis page) fits the screen without sideways
 * scrolling (and still fits at 320 px, WCAG's reflow width), logs no console error, and
 * has no serious or critical axe violation (axe runs once per distinct page shape). The
 * walk follows the menu, so a new module's pages are walked as soon as it adds a menu
 * entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
class PhoneWalkBrowserIT {

	/**
	 * The conduct officer's login (the demo history's
	 * {@code DemoCqiHistory.CONDUCT_LOGIN}).
	 */
	static final String CONDUCT_LOGIN = "conduct";

	/**
	 * The kinds of element a page's main content holds (tag, type, role, classes): two
	 * visits with the same path and shape render the same template parts.
	 */
	static final String PAGE_SHAPE = "() => [...new Set([...document.querySelectorAll('main *')].map(e =>"
			+ " e.tagName + (e.getAttribute('type') || '') + (e.getAttribute('role') || '') + '.'"
			+ " + (typeof e.className === 'string' ? e.className.trim() : '')))].sort().join(' ')";

	/** Page shapes axe has already checked in this run, across roles. */
	static final Set<String> AXE_CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	static final Set<String> MFA_ROLES = Set.of("clinician", "privacy", "sysadmin", "peercoord");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "resident", "leader", "facilitator", "director", "admin", "clinician", "peer",
			"researcher", "privacy", "sysadmin", "peercoord", "riskmanager", "conduct" })
	void everyPageOfTheMenuFitsAPhoneWithoutErrors(String username) {
		if (CONDUCT_LOGIN.equals(username)) {
			conductOfficerAsTheDemoHistoryCreatesIt();
		}
		Page page = BrowserSupport.phone("http://localhost:" + port);
		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				consoleErrors.add(page.url() + ": " + m.text());
			}
		});
		page.onPageError(e -> consoleErrors.add(page.url() + ": " + e));
		signIn(page, username);

		Set<String> paths = new LinkedHashSet<>(List.of("/home", "/account", "/crisis"));
		List<?> hrefs = (List<?>) page.locator("nav.main-nav a")
			.evaluateAll("links => links.map(a => a.getAttribute('href'))");
		for (Object href : hrefs) {
			if (href != null && href.toString().startsWith("/")) {
				paths.add(href.toString());
			}
		}
		List<String> problems = new ArrayList<>();
		for (String path : paths) {
			page.navigate(path);
			String where = username + " " + path;
			Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
			if (overflow.intValue() > 0) {
				String widest = (String) page.evaluate("() => { let w = null, max = window.innerWidth;"
						+ " for (const e of document.querySelectorAll('main *')) { const r = e.getBoundingClientRect();"
						+ " if (r.right > max + 1) { max = r.right; w = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
						+ " + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : ''); } }"
						+ " return w; }");
				problems.add(where + ": " + overflow + " px wider than the screen (widest: " + widest + ")");
			}
			// WCAG 1.4.10 reflow: 320 CSS px is a 1280 px window at 400 % zoom (so 200 %
			// zoom is covered too)
			ViewportSize phone = page.viewportSize();
			page.setViewportSize(320, phone.height);
			Number narrow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
			if (narrow.intValue() > 0) {
				problems.add(where + ": " + narrow + " px wider than a 320 px screen (400 % zoom)");
			}
			page.setViewportSize(phone.width, phone.height);
			// axe once per distinct page: the same path with the same kinds of elements
			// (another role's /home with the same cards) has nothing new to find, and axe
			// is most of this walk's time
			String shape = path + " " + page.evaluate(PAGE_SHAPE);
			if (!AXE_CHECKED.add(shape)) {
				continue;
			}
			AxeResults axe = new AxeBuilder(page)
				.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
				.analyze();
			axe.getViolations()
				.stream()
				.filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
				.forEach(r -> problems.add(where + ": axe " + r.getId() + " "
						+ r.getNodes().stream().map(n -> n.getHtml()).limit(2).toList()));
		}
		assertThat(paths).as("the menu of " + username).hasSizeGreaterThan(3);
		assertThat(problems).as("pages of " + username + " on a 360 px phone").isEmpty();
		assertThat(consoleErrors).as("console errors for " + username).isEmpty();
	}

	/**
	 * A long word (a colleague's e-mail address in a list of facts, a pasted address in a
	 * paragraph) wraps on a 320 px screen instead of widening the page: the demo's peer
	 * support case page was 57 px too wide with a real address in it.
	 */
	@org.junit.jupiter.api.Test
	void aLongAddressWrapsInsteadOfWideningAPhoneScreen() {
		Page page = BrowserSupport.phone("http://localhost:" + port);
		page.navigate("/crisis");
		page.setViewportSize(320, 740);
		page.evaluate("() => { document.querySelector('main').innerHTML ="
				+ " '<dl><dt>Reach them at</dt><dd><a href=\"mailto:x@example.org\">"
				+ "mateo.fernandez-villanueva42@residents.university-hospital.demo.cpr.example</a></dd></dl>"
				+ "<p>https://wellness.university-hospital.example.org/support/after-a-patient-death/peer-support</p>'; }");
		Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(overflow.intValue()).as("px wider than a 320 px screen").isLessThanOrEqualTo(0);
	}

	/**
	 * The conduct officer's login comes with the demo's year of history, which the tests
	 * leave off: the same login, made the same way.
	 */
	void conductOfficerAsTheDemoHistoryCreatesIt() {
		if (identity.byUsername(CONDUCT_LOGIN).isPresent()) {
			return;
		}
		java.util.UUID id = people.create(new PeopleAdministration.PersonDetails(CONDUCT_LOGIN,
				"conduct@demo.cpr.example", "Jesse Moreno", TraineeType.STAFF, null, null, null, true), null);
		people.setPassword(id, FoundationBrowserIT.PASSWORD, null);
		java.util.UUID campus = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		people.grant(id, Role.PARTICIPANT, campus, null);
		people.grant(id, Role.CONDUCT_OFFICER, campus, null);
	}

	/**
	 * The other browser tests expect these people not yet enrolled, as the demo starts.
	 */
	@org.junit.jupiter.api.AfterEach
	void leaveSecondFactorsAsTheDemoStarts() {
		MFA_ROLES.forEach(this::resetSecondFactor);
	}

	void resetSecondFactor(String username) {
		jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = (SELECT id FROM person WHERE username = ?)")
			.param(username)
			.update();
		jdbc.sql("UPDATE person SET mfa_secret = NULL, mfa_enabled = FALSE WHERE username = ?")
			.param(username)
			.update();
	}

	void signIn(Page page, String username) {
		if (MFA_ROLES.contains(username)) {
			resetSecondFactor(username);
		}
		FoundationBrowserIT.signIn(page, username);
		if (page.url().contains("/mfa/enrol")) {
			String secret = page.locator("#totp-secret").innerText().strip();
			try {
				page.locator("#code")
					.fill(new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			page.locator("#mfa-confirm").click();
			page.locator("#mfa-continue").click();
		}
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Welcome");
	}

}
