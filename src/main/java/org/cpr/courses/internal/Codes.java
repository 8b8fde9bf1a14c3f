package org.cpr.courses.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sets of codes and ids kept as comma-separated text. */
final class Codes {

	private Codes() {
	}

	static String join(Collection<?> values) {
		return values.isEmpty() ? null
				: values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
	}

	static <T> Set<T> set(String text, Function<String, T> parse) {
		return new LinkedHashSet<>(list(text, parse));
	}

	static <T> List<T> list(String text, Function<String, T> parse) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(parse).toList();
	}

}
