package org.cpr.survey;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** How the survey JSON API answers refusals: problem details with the message code. */
abstract class SurveyApiErrors {

	private final MessageSource messages;

	SurveyApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(SurveyConflictException.class)
	ResponseEntity<ProblemDetail> conflict(SurveyConflictException e, Locale locale) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
				messages.getMessage(e.code(), null, e.code(), locale));
		pd.setProperty("code", e.code());
		return ResponseEntity.status(e.status()).body(pd);
	}

	@ExceptionHandler(InvalidAnswersException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidAnswersException e) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"Some answers are invalid");
		pd.setProperty("errors", e.errors());
		return ResponseEntity.unprocessableContent().body(pd);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> bad(IllegalArgumentException e) {
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
	}

}
