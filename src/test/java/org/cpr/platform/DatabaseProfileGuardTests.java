package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DatabaseProfileGuardTests {

	@Test
	void prodOnH2IsRefusedWithOneLineReason() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/cpr");
		env.setActiveProfiles("prod");
		assertThatThrownBy(() -> DatabaseProfileGuard.check(env)).hasMessageContaining("prod profile needs PostgreSQL")
			.hasMessageNotContaining("\n");
	}

	@Test
	void prodWithoutAnyUrlIsRefused() {
		MockEnvironment env = new MockEnvironment();
		env.setActiveProfiles("prod");
		assertThatThrownBy(() -> DatabaseProfileGuard.check(env))
			.isInstanceOf(EmbeddedDatabaseInProductionException.class);
	}

	@Test
	void prodOnPostgresStarts() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db:5432/cpr");
		env.setActiveProfiles("prod");
		assertThatCode(() -> DatabaseProfileGuard.check(env)).doesNotThrowAnyException();
	}

	@Test
	void demoOnH2Starts() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/cpr");
		env.setActiveProfiles("demo");
		assertThatCode(() -> DatabaseProfileGuard.check(env)).doesNotThrowAnyException();
	}

}
