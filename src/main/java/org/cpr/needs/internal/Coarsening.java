package org.cpr.needs.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cpr.needs.Rotation;
import org.cpr.shared.PersonId;

/**
 * Which attributes of the schedule may travel with an anonymous answer. Every invitee
 * starts at the finest level (rotation, which implies hospital and specialty); any group
 * of invitees that would share one attribute combination with fewer than {@code k} people
 * moves up a level together (specialty at the hospital, then specialty alone, then
 * nothing), until every combination that is stored is shared by at least {@code k}
 * invitees. So a combination rarer than k is coarsened, never stored.
 */
final class Coarsening {

	/**
	 * The attributes stored with an answer: hospital code and rotation attribute
	 * ("rot:…"/"spec:…"), each may be null.
	 */
	public record Attributes(String hospital, String rotation) {
		static final Attributes NONE = new Attributes(null, null);

	}

	private static final int NOTHING = 3;

	private Coarsening() {
	}

	public static Map<PersonId, Attributes> of(Map<PersonId, Rotation> cohort, int k) {
		Map<PersonId, Integer> level = new HashMap<>();
		cohort.keySet().forEach(p -> level.put(p, 0));
		boolean changed = true;
		while (changed) {
			changed = false;
			Map<Attributes, List<PersonId>> groups = new HashMap<>();
			cohort.forEach((p, r) -> {
				if (level.get(p) < NOTHING) {
					groups.computeIfAbsent(at(r, level.get(p)), a -> new ArrayList<>()).add(p);
				}
			});
			for (List<PersonId> group : groups.values()) {
				if (group.size() < k) {
					group.forEach(p -> level.merge(p, 1, Integer::sum));
					changed = true;
				}
			}
		}
		Map<PersonId, Attributes> out = new HashMap<>();
		cohort.forEach((p, r) -> out.put(p, at(r, level.get(p))));
		return out;
	}

	private static Attributes at(Rotation r, int level) {
		return switch (level) {
			case 0 -> new Attributes(r.hospitalCode(), "rot:" + r.id());
			case 1 -> new Attributes(r.hospitalCode(), "spec:" + r.specialty());
			case 2 -> new Attributes(null, "spec:" + r.specialty());
			default -> Attributes.NONE;
		};
	}

}
