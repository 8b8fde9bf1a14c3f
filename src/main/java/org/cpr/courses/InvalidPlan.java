package org.cpr.courses;

import java.util.List;

/** An offering plan that cannot be saved; nothing was changed. */
public class InvalidPlan extends RuntimeException {

	private final List<PlanError> errors;

	public InvalidPlan(List<PlanError> errors) {
		super("offering plan has " + errors.size() + " error(s)");
		this.errors = List.copyOf(errors);
	}

	public List<PlanError> errors() {
		return errors;
	}

}
