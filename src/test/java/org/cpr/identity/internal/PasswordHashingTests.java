package org.cpr.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Argon2id at OWASP strength, and the upgrade of older hashes at the next sign-in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordHashingTests {

	static final String PASSWORD = "upgrade-me-on-sign-in-2026";

	static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void newHashesUseOwaspArgon2idParameters() {
		String hash = encoder.encode(PASSWORD);
		assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
		assertThat(encoder.matches(PASSWORD, hash)).isTrue();
		assertThat(encoder.matches("not-" + PASSWORD, hash)).isFalse();
		assertThat(encoder.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void aHashMadeWithSpringsOlderWeakerDefaultsIsReplacedAtTheNextSignIn() throws Exception {
		String old = "{argon2@SpringSecurity_v5_8}"
				+ Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
		String username = person(old);

		signIn(username, PASSWORD).andExpect(redirectedUrl("/home"));

		String now = hashOf(username);
		assertThat(now).isNotEqualTo(old).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
		// the new hash still signs the person in, and is not replaced again
		signIn(username, PASSWORD).andExpect(redirectedUrl("/home"));
		assertThat(hashOf(username)).isEqualTo(now);
	}

	@Test
	void aBcryptHashIsReplacedByArgon2idAtTheNextSignIn() throws Exception {
		String username = person("{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));

		signIn(username, PASSWORD).andExpect(redirectedUrl("/home"));

		assertThat(hashOf(username)).startsWith("{argon2id}$argon2id$");
	}

	@Test
	void aWrongPasswordLeavesTheOldHashAlone() throws Exception {
		String old = "{argon2@SpringSecurity_v5_8}"
				+ Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
		String username = person(old);

		signIn(username, "wrong-" + PASSWORD).andExpect(redirectedUrl("/login?error=bad"));

		assertThat(hashOf(username)).isEqualTo(old);
	}

	@Test
	void parametersBelowTheOwaspMinimumAreRefused() {
		// Spring's old defaults: 16 MiB x 2 passes
		assertThatThrownBy(() -> new BoundedPasswordEncoder(16 * 1024, 2, 1, 2))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BoundedPasswordEncoder(4 * 1024, 10, 1, 2))
			.isInstanceOf(IllegalArgumentException.class);
		// OWASP's equivalent trade-off: 7 MiB x 5 passes
		assertThat(new BoundedPasswordEncoder(7 * 1024, 5, 1, 1).encode("x")).contains("m=7168,t=5,p=1");
	}

	org.springframework.test.web.servlet.ResultActions signIn(String username, String password) throws Exception {
		return mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
				r.setRemoteAddr("192.0.2." + (CLIENTS.incrementAndGet() % 200 + 20));
				return r;
			}));
	}

	String person(String hash) {
		String username = "rehash-" + UUID.randomUUID().toString().substring(0, 8);
		TestPeople.create(jdbc, username, hash);
		return username;
	}

	String hashOf(String username) {
		return jdbc.sql("SELECT password_hash FROM person WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

}
