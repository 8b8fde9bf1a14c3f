package org.cpr.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The logs of the whole test run (every test JVM appends to target/logs/cpr-tests.log;
 * Failsafe runs this after the unit tests) hold no demo person's name, no e-mail address
 * and none of the canary answers tests submit as free text (check-in messages,
 * confidential reports, clinician replies).
 */
class LogPrivacyIT {

	static final Path LOG = Path.of("target", "logs", "cpr-tests.log");

	/**
	 * Free text that tests submit on purpose; it must reach the database, never the log.
	 */
	static final List<String> CANARIES = List.of("canary-5519", "Alice-canary", "Confidential canary report",
			"A private note for Alex", "The only sofa is in a corridor", "lantern harbour copper finch");

	/** Addresses that are configuration, not people. */
	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
	static final List<String> NOT_PEOPLE = List.of("no-reply@cpr.example");

	@Test
	void theTestRunsLogsNameNoPersonAndRepeatNoAnswer() throws Exception {
		Assumptions.assumeTrue(Files.isRegularFile(LOG),
				"no " + LOG + ": run the unit tests first (./mvnw verify does)");
		List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
		assertThat(lines).as("the run logged something to check").hasSizeGreaterThan(50);

		List<String> names = new ArrayList<>();
		DemoCampus.LOGINS.forEach(l -> names.add(l.displayName()));
		for (String given : DemoCampus.GIVEN) {
			for (String family : DemoCampus.FAMILY) {
				names.add(given + " " + family);
			}
		}
		List<String> findings = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			for (String name : names) {
				if (line.contains(name)) {
					findings.add("line " + (i + 1) + ": demo name " + name);
				}
			}
			for (String canary : CANARIES) {
				if (line.contains(canary)) {
					findings.add("line " + (i + 1) + ": canary answer " + canary);
				}
			}
			Matcher m = EMAIL.matcher(line);
			while (m.find()) {
				if (!NOT_PEOPLE.contains(m.group())) {
					findings.add("line " + (i + 1) + ": e-mail address " + m.group());
				}
			}
		}
		assertThat(findings).as("personal data in " + LOG).isEmpty();
	}

}
