package org.cpr.evaluation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.GatedCount;
import org.cpr.evaluation.InterventionReach.Reach;
import org.cpr.evaluation.InterventionReach.Reach.CountOnly.Unit;
import org.cpr.evaluation.InterventionType;
import org.cpr.evaluation.ReachRow;
import org.cpr.evaluation.ReachRow.Dimension;
import org.cpr.evaluation.ReachTable;
import org.cpr.evaluation.Viewer;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Reach as one gate request per academic year (one release round shared by every viewer):
 * the eligible population and each intervention's participants, overall, by trainee type
 * and by program. Because eligible and participant cells go through the gate together, a
 * released rate never lets anyone work out a group of fewer than the threshold who did
 * <em>not</em> take part.
 */
@Component
class ReachCalculator {

	private final ReachSources sources;

	private final IdentityManagement identity;

	private final DisclosureGate gate;

	private final KeyedHash hash;

	ReachCalculator(ReachSources sources, IdentityManagement identity, DisclosureGate gate, KeyedHash hash) {
		this.sources = sources;
		this.identity = identity;
		this.gate = gate;
		this.hash = hash;
	}

	private record Group(Dimension dimension, String key, String name, List<PersonSummary> people) {
		String cell(String prefix) {
			return prefix + ":" + dimension + ":" + key;
		}
	}

	ReachTable reach(AcademicYear year, Viewer viewer) {
		String round = "evaluation:reach:" + year.startYear();
		List<PersonSummary> eligible = identity.audience(viewer.scope(), Set.of(), Set.of());
		Map<InterventionType, Reach> reach = sources.of(year);
		List<Group> groups = groups(eligible);
		List<CellRequest> cells = new ArrayList<>();
		for (Group g : groups) {
			if (!g.people().isEmpty()) {
				cells.add(cell(round, g.cell("e"),
						g.dimension() == Dimension.ALL ? null
								: new Group(Dimension.ALL, "all", null, List.of()).cell("e"),
						g, g.people().stream().map(PersonSummary::id).toList()));
			}
		}
		reach.forEach((type, answer) -> {
			if (answer instanceof Reach.Participants p) {
				for (Group g : groups) {
					List<PersonId> took = g.people()
						.stream()
						.map(PersonSummary::id)
						.filter(p.people()::contains)
						.toList();
					if (!took.isEmpty()) {
						String parent = g.dimension() == Dimension.ALL ? g.cell("e")
								: new Group(Dimension.ALL, "all", null, List.of()).cell("p" + type);
						cells.add(cell(round, g.cell("p" + type), parent, g, took));
					}
				}
			}
			else if (answer instanceof Reach.CountOnly c && c.count() > 0) {
				// a unit's count may never change within a round, so the unit is named by
				// the count itself
				cells.add(new CellRequest("c:" + type, null, 0, List.of(),
						List.of(Contribution.aggregate("count:" + type + ":" + c.unit() + ":" + c.count(), c.count(),
								c.count(), c.count(), 0))));
			}
		});
		Map<String, GatedCount> released = new HashMap<>();
		if (!cells.isEmpty()) {
			List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer.person(), viewer.role(), round,
					"reach", MeasureType.NUMERIC, DisclosurePolicy.defaults(), cells));
			results.forEach(r -> released.put(r.cellKey(), GateCells.count(r)));
		}
		return new ReachTable(year, rows(reach, groups, released), unmeasured(reach));
	}

	private CellRequest cell(String round, String key, String parent, Group g, List<PersonId> people) {
		int depth = (g.dimension() == Dimension.ALL ? 0 : 1) + (key.startsWith("e:") ? 0 : 1);
		List<String> attributes = g.dimension() == Dimension.TRAINEE_TYPE ? List.of("traineeType") : List.of();
		return new CellRequest(key, parent, depth, attributes, GateCells.counted(hash, round, people));
	}

	private static List<ReachRow> rows(Map<InterventionType, Reach> reach, List<Group> groups,
			Map<String, GatedCount> released) {
		GatedCount none = GatedCount.released(0);
		List<ReachRow> rows = new ArrayList<>();
		reach.forEach((type, answer) -> {
			if (answer instanceof Reach.CountOnly c) {
				rows.add(new ReachRow(type, Dimension.ALL, "all", null, null, released.getOrDefault("c:" + type, none),
						c.unit()));
				return;
			}
			for (Group g : groups) {
				if (!g.people().isEmpty()) {
					rows.add(new ReachRow(type, g.dimension(), g.key(), g.name(), released.get(g.cell("e")),
							released.getOrDefault(g.cell("p" + type), none), Unit.PEOPLE));
				}
			}
		});
		return rows;
	}

	private List<Group> groups(List<PersonSummary> eligible) {
		List<Group> groups = new ArrayList<>();
		groups.add(new Group(Dimension.ALL, "all", null, eligible));
		new TreeMap<>(eligible.stream()
			.filter(p -> p.traineeType() != null)
			.collect(Collectors.groupingBy(p -> p.traineeType().name())))
			.forEach((type, people) -> groups.add(new Group(Dimension.TRAINEE_TYPE, type, null, people)));
		Map<String, String> names = new HashMap<>();
		for (OrgUnitSummary u : identity.orgUnits()) {
			names.put(u.id().value().toString(), u.name());
		}
		Map<String, List<PersonSummary>> byProgram = new LinkedHashMap<>();
		eligible.stream()
			.filter(p -> p.program() != null)
			.sorted(Comparator.comparing(p -> names.getOrDefault(p.program().value().toString(), "")))
			.forEach(p -> byProgram.computeIfAbsent(p.program().value().toString(), k -> new ArrayList<>()).add(p));
		byProgram
			.forEach((id, people) -> groups.add(new Group(Dimension.PROGRAM, id, names.getOrDefault(id, "?"), people)));
		return groups;
	}

	private static List<InterventionType> unmeasured(Map<InterventionType, Reach> reach) {
		return java.util.Arrays.stream(InterventionType.values()).filter(t -> !reach.containsKey(t)).toList();
	}

}
