package org.cpr.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cpr.evaluation.ExportElement;
import org.cpr.evaluation.OutcomeMeasures.Measurement;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;

/** The de-identification rules of the research export, without a database. */
class ResearchExportTests {

	final KeyedHash hash = (purpose, value) -> org.cpr.shared.Digests.sha256Hex(purpose + "/" + value);

	final Map<PersonId, KAnonymity.Qi> qis = new HashMap<>();

	final List<Measurement> rows = new ArrayList<>();

	PersonId person(String type, String level) {
		PersonId p = new PersonId(UUID.nameUUIDFromBytes((type + level + qis.size()).getBytes(StandardCharsets.UTF_8)));
		qis.put(p, new KAnonymity.Qi(type, KAnonymity.band(level)));
		rows.add(new Measurement(p, "who-5", LocalDate.of(2026, 1, 10), 52));
		rows.add(new Measurement(p, "who-5", LocalDate.of(2026, 3, 10), 60));
		rows.add(new Measurement(p, "phq-2", LocalDate.of(2026, 3, 10), 2));
		return p;
	}

	List<CSVRecord> export(UUID protocol, Set<ExportElement> elements, Map<PersonId, KAnonymity.Qi> people)
			throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ExportWriter(hash, protocol, elements, people).write(each -> rows.stream()
			.sorted(java.util.Comparator.comparing((Measurement m) -> m.person().value())
				.thenComparing(Measurement::on))
			.forEach(each), out);
		return CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
			.getRecords();
	}

	@Test
	void everyExportedCombinationOfQuasiIdentifiersHoldsAtLeastFivePeople() throws Exception {
		for (int i = 0; i < 7; i++) {
			person("resident", "PGY1");
		}
		for (int i = 0; i < 3; i++) {
			person("resident", "PGY4"); // too few at PGY3+: generalised to any level
		}
		for (int i = 0; i < 3; i++) {
			person("fellow", "PGY5"); // 3 + 3 resident-any … fellows alone stay too few:
										// generalised to any type
		}
		person("pharmacist", "PGY1");
		Set<ExportElement> elements = EnumSet.of(ExportElement.TRAINEE_TYPE, ExportElement.TRAINING_LEVEL,
				ExportElement.WHO5);
		Map<PersonId, KAnonymity.Qi> recoded = KAnonymity.recode(qis, true, true, 5);
		List<CSVRecord> records = export(UUID.randomUUID(), elements, recoded);
		Map<String, Set<String>> peopleByClass = new HashMap<>();
		for (CSVRecord r : records) {
			peopleByClass.computeIfAbsent(r.get("trainee_type") + "|" + r.get("training_level"), k -> new HashSet<>())
				.add(r.get("study_id"));
		}
		assertThat(peopleByClass).isNotEmpty();
		peopleByClass
			.forEach((combination, people) -> assertThat(people).as(combination).hasSizeGreaterThanOrEqualTo(5));
		assertThat(peopleByClass).containsKey("resident|pgy1_2");
		assertThat(records.stream().map(r -> r.get("instrument")).distinct()).containsExactly("who5");
		assertThat(records.getFirst().toMap()).doesNotContainKey("phq2");
	}

	@Test
	void aGroupThatCannotReachFiveEvenGeneralisedIsLeftOut() {
		for (int i = 0; i < 4; i++) {
			person("nurse", null);
		}
		assertThat(KAnonymity.recode(qis, true, true, 5)).isEmpty();
		assertThat(KAnonymity.recode(qis, false, false, 5)).isEmpty();
	}

	@Test
	void theSameRequestTwiceIsByteForByteTheSameAndStudyIdsDifferBetweenProtocols() throws Exception {
		for (int i = 0; i < 6; i++) {
			person("resident", "PGY2");
		}
		UUID protocol = UUID.randomUUID();
		Set<ExportElement> elements = EnumSet.of(ExportElement.SNAPSHOT_DATE, ExportElement.WHO5);
		List<CSVRecord> first = export(protocol, elements, qis);
		List<CSVRecord> second = export(protocol, elements, qis);
		assertThat(second.stream().map(CSVRecord::toList).toList())
			.isEqualTo(first.stream().map(CSVRecord::toList).toList());
		Set<String> ids = new HashSet<>();
		first.forEach(r -> ids.add(r.get("study_id")));
		Set<String> otherIds = new HashSet<>();
		export(UUID.randomUUID(), elements, qis).forEach(r -> otherIds.add(r.get("study_id")));
		assertThat(ids).hasSize(6).doesNotContainAnyElementsOf(otherIds);
	}

	@Test
	void datesAreShiftedByOneAmountPerPersonSoIntervalsStayTrue() throws Exception {
		for (int i = 0; i < 6; i++) {
			person("resident", "PGY2");
		}
		List<CSVRecord> records = export(UUID.randomUUID(), EnumSet.of(ExportElement.SNAPSHOT_DATE, ExportElement.WHO5),
				qis);
		Map<String, List<LocalDate>> byPerson = new HashMap<>();
		records.forEach(r -> byPerson.computeIfAbsent(r.get("study_id"), k -> new ArrayList<>())
			.add(LocalDate.parse(r.get("event_date"))));
		Set<LocalDate> firsts = new HashSet<>();
		byPerson.values().forEach(dates -> {
			assertThat(java.time.temporal.ChronoUnit.DAYS.between(dates.get(0), dates.get(1))).isEqualTo(59);
			assertThat(Math.abs(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 1, 10), dates.get(0))))
				.isLessThanOrEqualTo(ExportWriter.MAX_SHIFT_DAYS);
			firsts.add(dates.get(0));
		});
		assertThat(firsts).as("not everyone moved by the same amount").hasSizeGreaterThan(1);
	}

	@Test
	void theRedcapDictionaryListsTheExportedFieldsInOrder() throws Exception {
		java.io.StringWriter out = new java.io.StringWriter();
		try (var csv = new org.apache.commons.csv.CSVPrinter(out, CSVFormat.DEFAULT)) {
			RedcapDictionary.write(csv, EnumSet.of(ExportElement.SNAPSHOT_DATE, ExportElement.TRAINING_LEVEL,
					ExportElement.WHO5, ExportElement.BRS));
		}
		List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
		assertThat(rows.getFirst().size()).isEqualTo(18);
		assertThat(rows.stream().skip(1).map(r -> r.get(0)).toList()).containsExactly("record_id", "study_id",
				"event_date", "training_level", "instrument", "score");
		assertThat(rows.get(3).get(7)).isEqualTo("date_ymd");
		assertThat(rows.get(5).get(5)).isEqualTo("who5, who-5 | brs, brs");
	}

}
