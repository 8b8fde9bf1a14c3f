package org.cpr.survey;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;

/**
 * Who a campaign asks: everyone active in the org units' subtrees, narrowed by trainee
 * types and roles (an empty set matches everyone). No org unit means the campaign uses an
 * explicit roster.
 */
public record Audience(Set<UUID> units, Set<TraineeType> types, Set<Role> roles) {

	public static final Audience NONE = new Audience(Set.of(), Set.of(), Set.of());

	public Audience {
		units = Set.copyOf(units);
		types = Set.copyOf(types);
		roles = Set.copyOf(roles);
	}

	public boolean defined() {
		return !units.isEmpty();
	}

	public static Audience parse(String units, String types, String roles) {
		return new Audience(split(units, UUID::fromString), split(types, TraineeType::valueOf),
				split(roles, Role::valueOf));
	}

	public String unitsText() {
		return units.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
	}

	public String typesText() {
		return types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	public String rolesText() {
		return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static <T> Set<T> split(String text, Function<String, T> parse) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split(","))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.map(parse)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}
}
