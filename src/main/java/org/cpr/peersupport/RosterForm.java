package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The roster form: who (username or e-mail, when adding), what they do, and optionally a
 * first training.
 */
record RosterForm(String person, TraineeType profession, String specialty, UUID site, String languages, Integer maxLoad,
		Boolean available, String course, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate refresherDue) {

	static RosterForm blank() {
		return new RosterForm("", null, "", null, "en", 3, true, "", null, null);
	}

	static RosterForm of(SupporterProfile p) {
		return new RosterForm("", p.profession(), p.specialty(), p.site() == null ? null : p.site().value(),
				String.join(", ", p.languages()), p.maxLoad(), p.available(), "", null, null);
	}

	RosterEntry entry() {
		List<String> codes = languages == null ? List.of()
				: Arrays.stream(languages.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
		return new RosterEntry(profession, specialty, site == null ? null : new OrgUnitId(site), codes,
				Boolean.TRUE.equals(available), maxLoad == null ? 0 : maxLoad);
	}

	boolean hasTraining() {
		return (course != null && !course.isBlank()) || completedOn != null || refresherDue != null;
	}

	Training training() {
		return new Training(course, completedOn, refresherDue);
	}
}
