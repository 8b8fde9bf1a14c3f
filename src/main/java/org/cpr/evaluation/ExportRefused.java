package org.cpr.evaluation;

/**
 * Why an export (or a protocol registration) was refused; nothing was exported or stored.
 */
public class ExportRefused extends RuntimeException {

	public enum Reason {

		UNKNOWN_PROTOCOL, NOT_ON_PROTOCOL, NOT_YET_APPROVED, EXPIRED, NO_ELEMENTS, ELEMENT_NOT_APPROVED, BAD_WINDOW,
		TOO_FEW_PEOPLE, PROTOCOL_INCOMPLETE, PROTOCOL_DATES, UNKNOWN_RESEARCHER, IRB_TAKEN

	}

	private final Reason reason;

	public ExportRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	public String messageKey() {
		return "evaluation.export.refused." + reason.name();
	}

}
