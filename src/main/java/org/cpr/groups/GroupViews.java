package org.cpr.groups;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Small helpers shared by the module's controllers: id parsing and refusals as field
 * messages.
 */
final class GroupViews {

	static final String WHOLE_FORM = "form";

	private GroupViews() {
	}

	static UUID id(String raw) {
		try {
			return UUID.fromString(raw);
		}
		catch (IllegalArgumentException notAnId) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * The refusal as {field → message} for the form (the whole form under
	 * {@value #WHOLE_FORM}).
	 */
	static Map<String, String> errors(GroupsRefused refused, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(refused.field() == null ? WHOLE_FORM : refused.field(),
				messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(), locale));
		return errors;
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
