package org.cpr.needs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves refusals into the field → message map the needs pages show beside each field.
 */
@Component
class NeedsMessages {

	private final MessageSource messages;

	NeedsMessages(MessageSource messages) {
		this.messages = messages;
	}

	Map<String, String> fieldErrors(NeedsInputException e) {
		Map<String, String> out = new LinkedHashMap<>();
		out.put(e.field(), text(e));
		return out;
	}

	String text(NeedsInputException e) {
		return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
	}

}
