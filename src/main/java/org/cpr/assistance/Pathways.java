package org.cpr.assistance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

/**
 * Stepped-care pathways (burnout, depression, anxiety, PTSD, moral injury, substance use,
 * sleep) read from {@code assistance/pathways.json}: which measures propose a pathway,
 * and its steps from least to most intensive. Changing care pathways is editing that
 * file, not code.
 */
@Service
public class Pathways {

	/** What a step offers. */
	public enum StepKind {

		COURSE, GROUP, PEER_SUPPORT, BRIEF_THERAPY, OUTSIDE_REFERRAL

	}

	/**
	 * One step; {@code category} is the directory category a referral step looks in (may
	 * be null).
	 */
	public record Step(String id, StepKind kind, String category) {
	}

	/** A measure band that proposes a pathway. */
	public record Trigger(String instrument, Set<String> bands) {
	}

	/** A pathway with its triggers and steps. */
	public record Pathway(String id, List<Trigger> triggers, List<Step> steps) {
	}

	private record File(List<Pathway> pathways) {
	}

	private final Map<String, Pathway> byId;

	Pathways() throws IOException {
		ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
		try (InputStream in = Pathways.class.getResourceAsStream("/assistance/pathways.json")) {
			if (in == null) {
				throw new IllegalStateException("assistance/pathways.json is missing");
			}
			List<Pathway> all = json.readValue(in, File.class).pathways();
			this.byId = all.stream()
				.collect(Collectors.toMap(Pathway::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
		}
	}

	public List<Pathway> all() {
		return List.copyOf(byId.values());
	}

	public Optional<Pathway> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/**
	 * Pathways the episode's latest measure of each instrument proposes (in file order).
	 */
	public List<Pathway> proposedFor(List<Measure> measures) {
		Map<String, Measure> latest = measures.stream()
			.collect(Collectors.toMap(Measure::instrumentId, Function.identity(),
					(a, b) -> a.takenAt().isAfter(b.takenAt()) ? a : b));
		Set<Pathway> proposed = new LinkedHashSet<>();
		for (Pathway p : byId.values()) {
			for (Trigger t : p.triggers()) {
				Measure m = latest.get(t.instrument());
				if (m != null && m.band() != null && t.bands().contains(m.band())) {
					proposed.add(p);
				}
			}
		}
		return new ArrayList<>(proposed);
	}

	/** Whether the pathway has this step. */
	public boolean hasStep(String pathway, String step) {
		return find(pathway).map(p -> p.steps().stream().anyMatch(s -> s.id().equals(step))).orElse(false);
	}

}
