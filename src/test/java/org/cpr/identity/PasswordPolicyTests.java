package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	final PasswordPolicy policy;

	PasswordPolicyTests() throws Exception {
		policy = new PasswordPolicy();
	}

	@Test
	void shipsABlocklistOfAboutTenThousandCommonPasswords() {
		assertThat(policy.blocklistSize()).isGreaterThanOrEqualTo(9_900);
	}

	@Test
	void longPassphrasesWithoutSymbolsAreWelcome() {
		assertThat(policy.violations("correct horse battery staple on a quiet night shift in the winter rain", "alex"))
			.isEmpty();
		assertThat(policy.violations("x".repeat(40) + "ü€漢字" + "y".repeat(20), "alex")).isEmpty();
	}

	@Test
	void tooShortOrTooLongIsRefused() {
		assertThat(policy.violations("k7#pQz!", "alex")).containsExactly("password.tooShort");
		assertThat(policy.violations("a".repeat(129), "alex")).contains("password.tooLong");
		assertThat(policy.violations("a".repeat(128), "alex")).doesNotContain("password.tooLong");
	}

	@Test
	void commonPasswordsAreRefusedEvenDecorated() {
		assertThat(policy.violations("password1", "alex")).contains("password.common");
		assertThat(policy.violations("Password1!", "alex")).contains("password.common");
		assertThat(policy.violations("football", "alex")).contains("password.common");
		assertThat(policy.violations("!!Sunshine2026", "alex")).contains("password.common");
	}

	@Test
	void theUserNameIsNotAPassword() {
		assertThat(policy.violations("rivera-summer-nights", "rivera")).contains("password.containsUsername");
	}

}
