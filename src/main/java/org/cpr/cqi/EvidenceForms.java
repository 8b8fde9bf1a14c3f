package org.cpr.cqi;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Forms for an item's evidence and re-measurement; each keeps what was typed on error.
 */
final class EvidenceForms {

	private EvidenceForms() {
	}

	record CountForm(@NotNull(message = "{cqi2.hospital.required}") UUID hospitalId,
			@NotNull(message = "{cqi.category.required}") CqiCategory category,
			@NotBlank(message = "{cqi2.quarter.required}") @Pattern(regexp = "\\d{4}-Q[1-4]",
					message = "{cqi2.quarter.invalid}") String quarter) {

		static CountForm of(ItemView item, Quarter current) {
			return new CountForm(item.hospitalId(), item.category(), current.key());
		}
	}

	record QuoteForm(@NotBlank(message = "{cqi2.quote.required}") @Size(max = 2000,
			message = "{cqi2.quote.tooLong}") String text) {
		static QuoteForm empty() {
			return new QuoteForm("");
		}
	}

	record RemeasureForm(UUID waveId,
			@NotBlank(message = "{cqi2.remeasure.label.required}") @Size(max = 200,
					message = "{cqi.tooLong}") String label,
			@Size(max = 500, message = "{cqi.tooLong}") String before,
			@NotBlank(message = "{cqi2.remeasure.after.required}") @Size(max = 500,
					message = "{cqi.tooLong}") String after) {

		static RemeasureForm empty() {
			return new RemeasureForm(null, "", "", "");
		}

		Remeasurement measurement() {
			return new Remeasurement(waveId, label, before, after, null);
		}
	}

}
