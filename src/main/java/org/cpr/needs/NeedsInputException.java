package org.cpr.needs;

/**
 * Refused input: the form field (or API property) at fault and a message key in
 * {@code i18n/needs}.
 */
public class NeedsInputException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public NeedsInputException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

}
