package org.cpr.cqi;

import java.time.LocalDate;
import java.util.UUID;

import org.cpr.shared.PersonId;

/** The describable fields of a register item, as a facilitator enters them. */
public record ItemDraft(String title, String problemStatement, UUID hospitalId, String unitName, String rotationName,
		CqiCategory category, PersonId owner, LocalDate dueOn) {
}
