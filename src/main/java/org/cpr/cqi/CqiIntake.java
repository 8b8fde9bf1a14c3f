package org.cpr.cqi;

import java.util.UUID;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;

/**
 * How another module turns one of its findings into a register item (e.g. needs analysis:
 * "workload on the ICU rotation at University Hospital"): the item starts as IDENTIFIED
 * with the finding as its problem statement, and then follows the ordinary CQI workflow.
 * Carries no reporter.
 */
@Service
public class CqiIntake {

	private final ImprovementRegister register;

	CqiIntake(ImprovementRegister register) {
		this.register = register;
	}

	/** Creates the item; returns its id (its page is {@code /cqi/items/{id}}). */
	public UUID raise(String title, String problemStatement, UUID hospitalId, String rotationName, CqiCategory category,
			PersonId by) {
		return register
			.create(new ItemDraft(title, problemStatement, hospitalId, null, rotationName, category, null, null), by);
	}

}
