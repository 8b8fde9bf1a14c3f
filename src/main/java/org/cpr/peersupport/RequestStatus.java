package org.cpr.peersupport;

/**
 * Where a request stands. Only the coordinator and the assigned supporter ever see it.
 */
public enum RequestStatus {

	/** Filed; a supporter is proposed (or none fits) and waits for the coordinator. */
	AWAITING_CONFIRMATION,
	/** The coordinator confirmed a supporter, who has been notified. */
	ASSIGNED,
	/** The supporter reached the person. */
	CONTACTED,
	/** The person declined; respected and recorded as nothing more than that. */
	DECLINED,
	/** Support has ended. */
	CLOSED;

	public boolean open() {
		return this == AWAITING_CONFIRMATION || this == ASSIGNED || this == CONTACTED;
	}

}
