package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The gate as wired in the application: JDBC ledger on the real Flyway schema, and the
 * cell fragment.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DisclosureModuleTests {

	@Autowired
	DisclosureGate gate;

	@Autowired
	ReleaseLedger ledger;

	@Autowired
	TemplateEngine templates;

	final PersonId director = new PersonId(UUID.randomUUID());

	final String round = "round-" + UUID.randomUUID();

	@Test
	void theDatabaseLedgerRemembersWhatWasShownAcrossRequests() {
		assertThat(ask("team", 0, 9).released()).isTrue();
		assertThat(ledger.releases(round)).isNotEmpty();

		assertThat(ask("team minus two", 0, 7)).isInstanceOfSatisfying(Suppressed.class,
				s -> assertThat(s.reason()).isEqualTo(SuppressionReason.PROTECTS_ANOTHER_GROUP));
		assertThat(ask("team", 0, 9).released()).isTrue();
		assertThat(ledger.releases(round)).as("repeats are not stored twice").hasSize(1);
	}

	@Test
	void theDatabaseLedgerIsSharedByEveryViewerOfTheRound() {
		PersonId facilitator = new PersonId(UUID.randomUUID());
		assertThat(gate
			.evaluate(new DisclosureRequest(facilitator, Role.FACILITATOR, round, "wellbeing", MeasureType.NUMERIC,
					DisclosurePolicy.defaults(), List.of(new CellRequest("all", null, 0, List.of(), values(0, 5)))))
			.getFirst()
			.released()).isTrue();

		assertThat(ask("all", 0, 6)).as("another viewer's n = 6 minus the n = 5 release is one person")
			.isInstanceOfSatisfying(Suppressed.class, s -> assertThat(s.moreNeeded()).isEqualTo(4));
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/**
	 * A report page reads in a read-only transaction; the gate must still fix the round's
	 * policy and record what it released. PostgreSQL refuses writes in a read-only
	 * transaction (H2 does not check: this test bites in DisclosureLedgerPostgresIT); the
	 * assistance access report answered 500 on PostgreSQL until the ledger wrote in a
	 * transaction of its own there.
	 */
	@Test
	void aReportReadInAReadOnlyTransactionStillFixesThePolicyAndRecordsItsReleases() {
		org.springframework.transaction.support.TransactionTemplate readOnly = new org.springframework.transaction.support.TransactionTemplate(
				transactions);
		readOnly.setReadOnly(true);

		CellResult shown = readOnly.execute(status -> ask("team", 0, 9));

		assertThat(shown.released()).isTrue();
		assertThat(ledger.policy(round)).as("the policy was fixed").contains(DisclosurePolicy.defaults());
		assertThat(ledger.releases(round)).as("the release was recorded").hasSize(1);
		CellResult complement = readOnly.execute(status -> ask("team minus two", 0, 7));
		assertThat(complement).as("and the recorded release protects the group the next time")
			.isInstanceOf(Suppressed.class);
	}

	@Test
	void theDatabaseKeepsTheLaunchPolicyAndRefusesAWeakerOne() {
		ledger.fixPolicy(round, DisclosurePolicy.defaults().strengthen(8, 10, 11));

		assertThatThrownBy(() -> ask("team", 0, 9)).isInstanceOf(PolicyWeakeningRejected.class);
		assertThat(ledger.policy(round)).contains(new DisclosurePolicy(8, 10, 11));
	}

	@Test
	void theCellFragmentShowsTheThresholdNotTheCountInEnglishAndSpanish() {
		List<CellResult> results = gate
			.evaluate(request(List.of(cell("program", null, 0, 20), cell("tiny", "program", 1, 3))));

		String english = render(results, Locale.ENGLISH);
		assertThat(english).contains("fewer than 5 responses")
			.contains("Included in Internal Medicine")
			.contains("n = 20")
			.contains("role=\"note\"")
			.doesNotContain("n = 3");
		assertThat(render(results, Locale.forLanguageTag("es"))).contains("menos de 5 respuestas")
			.contains("Incluido en Internal Medicine");
	}

	private String render(List<CellResult> results, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("results", results);
		return templates.process("disclosure-test/cells", context);
	}

	private CellResult ask(String key, int from, int to) {
		return gate.evaluate(request(List.of(new CellRequest(key, null, 0, List.of(), values(from, to))))).getFirst();
	}

	private DisclosureRequest request(List<CellRequest> cells) {
		return new DisclosureRequest(director, Role.PROGRAM_DIRECTOR, round, "wellbeing", MeasureType.NUMERIC,
				DisclosurePolicy.defaults(), cells);
	}

	private static CellRequest cell(String key, String parent, int depth, int size) {
		return new CellRequest(key, parent, depth, List.of(), values(0, size));
	}

	private static List<Contribution> values(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj(i -> Contribution.value("resp-" + i, 1 + Math.floorMod(i, 5)))
			.toList();
	}

}
