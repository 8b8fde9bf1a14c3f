package org.cpr.safety.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import java.util.UUID;

import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A concern that conflicts with a concurrent writer is raised again, up to six attempts
 * in all; any other failure is not retried. Runs the listener behind the framework's
 * retry advice only.
 */
class SafetyConcernRetryTests {

	final SafetyAlerts alerts = mock(SafetyAlerts.class);

	final SafetyConcern concern = new SafetyConcern("test", "1", null, UUID.randomUUID(), AlertTier.TIER_2,
			Set.of("X"));

	SafetyConcernListener listener(AnnotationConfigApplicationContext context) {
		context.registerBean(SafetyAlerts.class, () -> alerts);
		context.register(SafetyResilience.class, SafetyConcernListener.class);
		context.refresh();
		return context.getBean(SafetyConcernListener.class);
	}

	@Test
	void aConflictIsRetriedUntilTheAlertIsRaised() {
		when(alerts.raise(any())).thenThrow(new DataIntegrityViolationException("duplicate"))
			.thenThrow(new CannotAcquireLockException("busy"))
			.thenReturn(UUID.randomUUID());
		try (var context = new AnnotationConfigApplicationContext()) {
			listener(context).on(concern);
		}
		verify(alerts, times(3)).raise(concern);
	}

	@Test
	void aDuplicateInsertSeenOnlyAtCommitIsRetriedToo() {
		// two concerns about one submission racing: the loser's insert fails at commit,
		// untranslated
		when(alerts.raise(any()))
			.thenThrow(new org.hibernate.exception.ConstraintViolationException("duplicate",
					new java.sql.SQLIntegrityConstraintViolationException("duplicate key"), "pk_safety_alert"))
			.thenReturn(UUID.randomUUID());
		try (var context = new AnnotationConfigApplicationContext()) {
			listener(context).on(concern);
		}
		verify(alerts, times(2)).raise(concern);
	}

	@Test
	void afterSixAttemptsTheConflictReachesTheRegistry() {
		when(alerts.raise(any())).thenThrow(new DataIntegrityViolationException("duplicate"));
		try (var context = new AnnotationConfigApplicationContext()) {
			SafetyConcernListener listener = listener(context);
			assertThatThrownBy(() -> listener.on(concern)).isInstanceOf(DataIntegrityViolationException.class);
		}
		verify(alerts, times(SafetyConcernListener.ATTEMPTS)).raise(concern);
		assertThat(SafetyConcernListener.ATTEMPTS).isEqualTo(6);
	}

	@Test
	void otherFailuresAreNotRetried() {
		when(alerts.raise(any())).thenThrow(new IllegalStateException("bug"));
		try (var context = new AnnotationConfigApplicationContext()) {
			SafetyConcernListener listener = listener(context);
			assertThatThrownBy(() -> listener.on(concern)).isInstanceOf(IllegalStateException.class);
		}
		verify(alerts, times(1)).raise(concern);
	}

}
