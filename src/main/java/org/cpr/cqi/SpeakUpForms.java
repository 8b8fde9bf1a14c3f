package org.cpr.cqi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class SpeakUpForms {

	private SpeakUpForms() {
	}

	record ReportForm(@NotNull(message = "{speakup.channel.required}") ReportChannel channel,
			@NotNull(message = "{cqi.category.required}") CqiCategory category, java.util.UUID hospitalId,
			@Size(max = 120, message = "{cqi.tooLong}") String setting,
			@NotBlank(message = "{speakup.body.required}") @Size(max = 10000,
					message = "{speakup.body.tooLong}") String body,
			Boolean wantsReplies, @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{16,64}") String idempotencyKey) {

		static ReportForm fresh(ReportChannel channel) {
			return new ReportForm(channel, null, null, "", "", true, java.util.UUID.randomUUID().toString());
		}

		ReportSubmission submission() {
			return new ReportSubmission(channel, category, hospitalId, setting, body,
					Boolean.TRUE.equals(wantsReplies));
		}
	}

	record ReplyForm(@NotBlank(message = "{speakup.code.required}") @Size(max = 40) String code,
			@Size(max = 4000, message = "{cqi.tooLong}") String body) {
	}

}
