package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.IntStream;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The ledger is per released object, not per viewer (I-3, I-4): two viewers, or one
 * viewer and a CSV someone shared, must not be able to subtract the n = 5 release from
 * the n = 6 release.
 */
class SharedLedgerTests {

	final DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), new Random(1), e -> {
	});

	final PersonId facilitator = new PersonId(UUID.randomUUID());

	final PersonId director = new PersonId(UUID.randomUUID());

	@Test
	void aSecondViewerCannotBeShownTheSixAfterTheFirstWasShownTheFive() {
		assertThat(evaluate(facilitator, Role.FACILITATOR, respondents(5)).released()).isTrue();

		CellResult six = evaluate(director, Role.PROGRAM_DIRECTOR, respondents(6));

		assertThat(six).as("the sixth person's score would be the difference of the two means")
			.isInstanceOfSatisfying(Suppressed.class, s -> {
				assertThat(s.reason()).isEqualTo(SuppressionReason.PROTECTS_ANOTHER_GROUP);
				assertThat(s.moreNeeded()).isEqualTo(4);
			});
		assertThat(message((Suppressed) six)).isEqualTo(
				"Withheld so that earlier figures cannot be subtracted from it; shown again when 4 more have answered")
			.doesNotContain("fewer than");
		assertThat(evaluate(director, Role.PROGRAM_DIRECTOR, respondents(10)).released())
			.as("five newcomers form a group of their own")
			.isTrue();
	}

	@Test
	void aCellHiddenBecauseItSplitsAnEarlierGroupDoesNotPromiseAnything() {
		assertThat(evaluate(facilitator, Role.FACILITATOR, respondents(9)).released()).isTrue();

		Suppressed part = (Suppressed) evaluate(director, Role.PROGRAM_DIRECTOR, respondents(7));

		assertThat(part.moreNeeded()).isZero();
		assertThat(message(part)).isEqualTo("Hidden so that a smaller group cannot be worked out");
	}

	@Test
	void aRoleWithoutBreakdownsIsNotToldFewerThanZero() {
		CellResult filtered = gate
			.evaluate(new DisclosureRequest(director, Role.PARTICIPANT, "r", "m", MeasureType.NUMERIC,
					DisclosurePolicy.defaults(),
					List.of(new CellRequest("pgy1", null, 1, List.of("pgy"), respondents(8)))))
			.getFirst();

		assertThat(message((Suppressed) filtered)).doesNotContain(" 0").doesNotContain("fewer than");
	}

	private CellResult evaluate(PersonId viewer, Role role, List<Contribution> units) {
		return gate
			.evaluate(new DisclosureRequest(viewer, role, "wave-1", "score", MeasureType.NUMERIC,
					DisclosurePolicy.defaults(), List.of(new CellRequest("all", null, 0, List.of(), units))))
			.getFirst();
	}

	private static List<Contribution> respondents(int n) {
		return IntStream.range(0, n).mapToObj(i -> Contribution.value("response-" + i, i % 3)).toList();
	}

	static String message(Suppressed s) {
		ResourceBundle bundle = ResourceBundle.getBundle("i18n/disclosure", Locale.ROOT);
		return new MessageFormat(bundle.getString(s.messageKey()), Locale.ENGLISH).format(s.messageArguments());
	}

}
