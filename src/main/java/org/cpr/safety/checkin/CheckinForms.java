package org.cpr.safety.checkin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The anonymous check-in's forms. Passphrases are never echoed back into a page. */
final class CheckinForms {

	private CheckinForms() {
	}

	/**
	 * A new check-in: a self-chosen handle and passphrase (single factor, so at least 15
	 * characters).
	 */
	record StartForm(
			@NotBlank(message = "{checkin.handle.required}") @Pattern(regexp = "[A-Za-z0-9._-]{4,40}",
					message = "{checkin.handle.invalid}") String handle,
			@NotBlank(message = "{checkin.passphrase.required}") @Size(min = 15, max = 128,
					message = "{checkin.passphrase.length}") String passphrase,
			@Email(message = "{checkin.doorbell.invalid}") @Size(max = 254,
					message = "{checkin.doorbell.invalid}") String doorbell,
			@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{16,64}") String idempotencyKey) {

		static StartForm fresh() {
			return new StartForm("", "", "", java.util.UUID.randomUUID().toString());
		}
	}

	record ReturnForm(
			@NotBlank(message = "{checkin.handle.required}") @Size(max = 40,
					message = "{checkin.handle.invalid}") String handle,
			@NotBlank(message = "{checkin.passphrase.required}") @Size(max = 128,
					message = "{checkin.passphrase.length}") String passphrase) {
	}

	record MessageForm(String token, @Size(max = 4000, message = "{checkin.message.tooLong}") String body) {
	}

	record RevealForm(String token,
			@NotBlank(message = "{checkin.reveal.name.required}") @Size(max = 120,
					message = "{checkin.reveal.tooLong}") String name,
			@NotBlank(message = "{checkin.reveal.contact.required}") @Size(max = 200,
					message = "{checkin.reveal.tooLong}") String contact) {
	}

}
