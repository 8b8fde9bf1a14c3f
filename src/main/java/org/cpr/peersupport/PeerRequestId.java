package org.cpr.peersupport;

import java.util.Objects;
import java.util.UUID;

/** The id of a request for peer support. */
public record PeerRequestId(UUID value) {

	public PeerRequestId {
		Objects.requireNonNull(value, "value");
	}

	public static PeerRequestId of(String value) {
		return new PeerRequestId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
