package org.cpr.shared;

import java.util.List;

/**
 * Request path patterns a module serves without sign-in (public website, anonymous
 * intake). Declared as beans; the platform's security configuration permits them.
 */
public record PublicPaths(List<String> patterns) {

	public static PublicPaths of(String... patterns) {
		return new PublicPaths(List.of(patterns));
	}
}
