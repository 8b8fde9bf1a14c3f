package org.cpr.safety.checkin;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymous check-in dialogue over the API, for the holder of a handle: sign in with
 * handle and passphrase for a short-lived token, then read the dialogue and write to the
 * counselor with that token in the {@code Checkin-Token} header. Like the pages, nothing
 * here reads who the caller is, and the token never travels in a URL.
 */
@RestController
@RequestMapping("/api/v1/checkin")
@Tag(name = "Anonymous check-in", description = "The dialogue of an anonymous check-in, for its handle-holder")
@SecurityRequirements
class CheckinApiController {

	static final String TOKEN_HEADER = "Checkin-Token";

	private final CheckinService checkins;

	private final MessageSource messages;

	CheckinApiController(CheckinService checkins, MessageSource messages) {
		this.messages = messages;
		this.checkins = checkins;
	}

	/** A handle and its passphrase. */
	record SignIn(@NotBlank @Size(max = 40) String handle, @NotBlank @Size(max = 128) String passphrase) {
	}

	/**
	 * A short-lived token standing for the check-in account; send it as
	 * {@code Checkin-Token}.
	 */
	record Session(String token) {
	}

	/** A message to the counselor. */
	record NewMessage(@NotBlank @Size(max = 4000) String body) {
	}

	/**
	 * The dialogue as its participant sees it: the latest screening and every message.
	 */
	record Dialogue(LocalDate submittedOn, LocalDate replyBy, CheckinTiering.Scores scores,
			List<CheckinThread.Message> messages, boolean revealed) {

		static Dialogue of(CheckinThread t) {
			return new Dialogue(t.submittedOn(), t.replyBy(), t.scores(), t.messages(), t.revealed());
		}
	}

	@PostMapping("/sessions")
	@Operation(summary = "Sign in to a check-in",
			description = "Exchanges the handle and passphrase chosen at check-in for a token valid for a short time. "
					+ "Repeated failures are throttled (429).")
	@ApiResponse(responseCode = "201", description = "Signed in; the body carries the token")
	@ApiResponse(responseCode = "401", description = "The handle and passphrase do not match")
	@ApiResponse(responseCode = "429",
			description = "Too many attempts for this handle (or from everyone); wait and retry")
	ResponseEntity<Session> signIn(@Valid @RequestBody SignIn body) {
		UUID account = checkins.signIn(body.handle(), body.passphrase()).orElseThrow(NotSignedIn::new);
		return ResponseEntity.created(URI.create("/api/v1/checkin/dialogue"))
			.body(new Session(checkins.tokenFor(account)));
	}

	@GetMapping("/dialogue")
	@Operation(summary = "Read my check-in dialogue",
			description = "The latest screening's scores, the counselor's reply-by day and every message.")
	@ApiResponse(responseCode = "200", description = "The dialogue")
	@ApiResponse(responseCode = "401",
			description = "The check-in token is missing, expired or stands for a deleted check-in")
	Dialogue dialogue(@Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER, required = true,
			description = "The token from POST /api/v1/checkin/sessions") @RequestHeader(name = TOKEN_HEADER,
					required = false) String token) {
		UUID account = account(token);
		return checkins.threadOf(account).map(Dialogue::of).orElseThrow(NotSignedIn::new);
	}

	@PostMapping("/dialogue/messages")
	@Operation(summary = "Write to the counselor",
			description = "Adds a message to the dialogue; the counselor handling the check-in is told a reply waits.")
	@ApiResponse(responseCode = "200", description = "The dialogue")
	@ApiResponse(responseCode = "401",
			description = "The check-in token is missing, expired or stands for a deleted check-in")
	Dialogue write(@Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER, required = true,
			description = "The token from POST /api/v1/checkin/sessions") @RequestHeader(name = TOKEN_HEADER,
					required = false) String token,
			@Valid @RequestBody NewMessage body) {
		UUID account = account(token);
		checkins.participantWrites(account, body.body().strip());
		return checkins.threadOf(account).map(Dialogue::of).orElseThrow(NotSignedIn::new);
	}

	private UUID account(String token) {
		return checkins.accountOf(token).orElseThrow(NotSignedIn::new);
	}

	@ExceptionHandler(NotSignedIn.class)
	ResponseEntity<ProblemDetail> notSignedIn(Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				messages.getMessage("checkin.api.notSignedIn.detail", null, locale));
		problem.setTitle(messages.getMessage("checkin.api.notSignedIn.title", null, locale));
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(CheckinThrottledException.class)
	ResponseEntity<ProblemDetail> throttled(Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				messages.getMessage("checkin.api.throttled.detail", null, locale));
		problem.setTitle(messages.getMessage("checkin.api.throttled.title", null, locale));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** No valid sign-in or token. */
	static final class NotSignedIn extends RuntimeException {

		NotSignedIn() {
			super("not signed in to a check-in", null, false, false);
		}

	}

}
