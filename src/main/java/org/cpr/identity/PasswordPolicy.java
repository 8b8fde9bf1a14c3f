package org.cpr.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B passwords: at least 8 characters, up to 128 accepted (any Unicode), no
 * composition rules, and not a common or breached password — also when decorated with
 * trailing digits or symbols ("Password1!") — nor the account name itself.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private final Set<String> blocklist;

	PasswordPolicy() throws IOException {
		Set<String> words = new HashSet<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("identity/password-blocklist.txt").getInputStream(), StandardCharsets.UTF_8))) {
			in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> words.add(l.strip()));
		}
		this.blocklist = Set.copyOf(words);
	}

	/** Message keys of every rule the password breaks; empty when it is acceptable. */
	public List<String> violations(String password, String username) {
		List<String> problems = new ArrayList<>();
		if (password == null) {
			password = "";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			problems.add("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			problems.add("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String undecorated = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
		if (blocklist.contains(lower) || (!undecorated.isEmpty() && blocklist.contains(undecorated))) {
			problems.add("password.common");
		}
		if (username != null && username.length() >= 4 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			problems.add("password.containsUsername");
		}
		return problems;
	}

	public int blocklistSize() {
		return blocklist.size();
	}

}
