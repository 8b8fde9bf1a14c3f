package org.cpr.safety;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.cpr.shared.FormErrors;
import org.springframework.validation.Errors;

/**
 * How the clinician closes an alert; "unable to reach" needs the date of the next
 * attempt.
 */
record DispositionForm(@NotNull(message = "{safety.disposition.required}") Disposition disposition,
		@NotNull(message = "{safety.risk.required}") RiskLevel risk, LocalDate nextAttemptOn) {

	static DispositionForm empty() {
		return new DispositionForm(null, null, null);
	}

	void validate(Errors errors) {
		if (disposition == Disposition.UNABLE_TO_REACH_RETRY_SCHEDULED && nextAttemptOn == null) {
			FormErrors.rejectValue(errors, "nextAttemptOn", "safety.nextAttempt.required");
		}
	}
}
