package org.cpr.shared;

import java.util.Set;

/**
 * A link in the main navigation, contributed by a module as a bean. The layout shows it
 * when the signed-in person holds one of {@code roles} (an empty set means every
 * signed-in person).
 *
 * @param order position in the menu, ascending
 * @param path the link target, an application path
 * @param messageKey message bundle key of the label
 * @param roles roles that see the link
 */
public record NavigationItem(int order, String path, String messageKey, Set<Role> roles) {

	public boolean visibleTo(Set<Role> held) {
		return roles.isEmpty() || roles.stream().anyMatch(held::contains);
	}
}
