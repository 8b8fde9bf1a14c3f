package org.cpr.evaluation.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.evaluation.ExportElement;
import org.cpr.evaluation.OutcomeMeasures.Measurement;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;

/**
 * Writes the de-identified CSV one score at a time: memory holds the recoded
 * quasi-identifiers of the exported people and one person's counters, never the rows.
 * Public within the module only so the export benchmark can drive it without a database.
 */
final class ExportWriter {

	/**
	 * Dates move by up to this many days either way, the same for all of a person's rows
	 * in one protocol.
	 */
	static final int MAX_SHIFT_DAYS = 182;

	private final KeyedHash hash;

	private final String protocol;

	private final Set<ExportElement> elements;

	private final Map<PersonId, KAnonymity.Qi> people;

	private final Map<String, String> fieldOfInstrument = new HashMap<>();

	ExportWriter(KeyedHash hash, UUID protocol, Set<ExportElement> elements, Map<PersonId, KAnonymity.Qi> people) {
		this.hash = hash;
		this.protocol = protocol.toString();
		this.elements = elements.isEmpty() ? EnumSet.noneOf(ExportElement.class) : EnumSet.copyOf(elements);
		this.people = people;
		for (ExportElement e : elements) {
			if (e.instrument() != null) {
				fieldOfInstrument.put(e.instrument(), e.field());
			}
		}
	}

	/**
	 * For the benchmark: every person already recoded into one class of their own trainee
	 * type.
	 */
	public static ExportWriter forBenchmark(KeyedHash hash, UUID protocol, Set<ExportElement> elements,
			Map<PersonId, String> traineeTypes) {
		Map<PersonId, KAnonymity.Qi> people = new HashMap<>();
		traineeTypes.forEach((p, t) -> people.put(p, new KAnonymity.Qi(t, KAnonymity.ANY)));
		return new ExportWriter(hash, protocol, elements, people);
	}

	/** The instruments whose scores this export carries. */
	public Set<String> instruments() {
		return fieldOfInstrument.keySet();
	}

	public List<String> header() {
		List<String> header = new ArrayList<>(List.of("record_id", "study_id"));
		if (elements.contains(ExportElement.SNAPSHOT_DATE)) {
			header.add(ExportElement.SNAPSHOT_DATE.field());
		}
		if (elements.contains(ExportElement.TRAINEE_TYPE)) {
			header.add(ExportElement.TRAINEE_TYPE.field());
		}
		if (elements.contains(ExportElement.TRAINING_LEVEL)) {
			header.add(ExportElement.TRAINING_LEVEL.field());
		}
		header.add("instrument");
		header.add("score");
		return header;
	}

	/**
	 * Streams what {@code source} feeds (ordered by person) to {@code out}; returns the
	 * rows written.
	 */
	public long write(Consumer<Consumer<Measurement>> source, OutputStream out) throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
		csv.printRecord(header());
		long[] rows = { 0 };
		Object[] state = { null, null, 0L, 0 }; // person, study id, sequence, shift
		List<Object> record = new ArrayList<>(8);
		try {
			source.accept(m -> {
				KAnonymity.Qi qi = people.get(m.person());
				String field = fieldOfInstrument.get(m.instrument());
				if (qi == null || field == null) {
					return;
				}
				if (!m.person().equals(state[0])) {
					state[0] = m.person();
					state[1] = studyId(m.person());
					state[2] = 0L;
					state[3] = shift(m.person());
				}
				state[2] = (Long) state[2] + 1;
				record.clear();
				record.add(state[1] + "-" + state[2]);
				record.add(state[1]);
				if (elements.contains(ExportElement.SNAPSHOT_DATE)) {
					record.add(m.on().plusDays((Integer) state[3]).toString());
				}
				if (elements.contains(ExportElement.TRAINEE_TYPE)) {
					record.add(qi.traineeType());
				}
				if (elements.contains(ExportElement.TRAINING_LEVEL)) {
					record.add(qi.level());
				}
				record.add(field);
				record.add(score(m.score()));
				try {
					csv.printRecord(record);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				rows[0]++;
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		csv.flush();
		return rows[0];
	}

	/** Not joinable across protocols: the protocol is part of the keyed hash. */
	String studyId(PersonId person) {
		return hash.hex("research-study-id", protocol + "|" + person.value()).substring(0, 16);
	}

	int shift(PersonId person) {
		long bits = Long.parseLong(hash.hex("research-date-shift", protocol + "|" + person.value()).substring(0, 8),
				16);
		return (int) (bits % (2 * MAX_SHIFT_DAYS + 1)) - MAX_SHIFT_DAYS;
	}

	private static String score(double score) {
		return score == Math.rint(score) && Math.abs(score) < 1e15 ? Long.toString((long) score)
				: Double.toString(score);
	}

}
