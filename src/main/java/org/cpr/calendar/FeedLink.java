package org.cpr.calendar;

/**
 * A newly issued personal feed: the secret token is shown once and stored only as a hash.
 */
public record FeedLink(String token) {

	@Override
	public String toString() {
		return "FeedLink[hidden]";
	}
}
