package org.cpr.groups;

/**
 * A request the groups module refuses, naming the form field (or {@code null} for the
 * whole request) and a message key; nothing was changed. The message never carries
 * personal data.
 */
public class GroupsRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public GroupsRefused(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
