package org.cpr.safety.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;

/**
 * Channel fallback of the alert e-mail, with an SMTP server that refuses chosen
 * addresses.
 */
class AlertMailerTests {

	final UUID primary = UUID.randomUUID();

	final UUID backup = UUID.randomUUID();

	final List<String> delivered = new ArrayList<>();

	final List<String> refusing = new ArrayList<>();

	AlertMailer mailer(String mailbox) {
		OnCallRota rota = mock(OnCallRota.class);
		when(rota.ladder()).thenReturn(List.of(primary, backup));
		IdentityManagement identity = mock(IdentityManagement.class);
		when(identity.person(any())).thenAnswer(i -> {
			PersonId id = i.getArgument(0);
			String email = id.value().equals(primary) ? "primary@campus.example"
					: id.value().equals(backup) ? "backup@campus.example" : null;
			if (email == null) {
				return Optional.empty();
			}
			return Optional.of(new PersonSummary(id, "u", "n", email, null, null, null, null, true));
		});
		Notifications smtp = (String to, Locale locale, String key, Object... args) -> {
			if (refusing.contains(to)) {
				throw new IllegalStateException("550 refused");
			}
			delivered.add(to + ":" + key);
			return true;
		};
		return new AlertMailer(rota, identity, smtp, mailbox);
	}

	@Test
	void theAssignedClinicianIsMailedFirst() {
		mailer("").notify(UUID.randomUUID(), new PersonId(primary), 0);
		assertThat(delivered).containsExactly("primary@campus.example:safety.alertmail");
	}

	@Test
	void aRefusedPrimaryFallsBackToTheBackup() {
		refusing.add("primary@campus.example");
		mailer("desk@campus.example").notify(UUID.randomUUID(), new PersonId(primary), 0);
		assertThat(delivered).containsExactly("backup@campus.example:safety.alertmail");
	}

	@Test
	void whenTheLadderFailsTheSafetyMailboxIsUsed() {
		refusing.addAll(List.of("primary@campus.example", "backup@campus.example"));
		mailer("desk@campus.example").notify(UUID.randomUUID(), new PersonId(primary), 0);
		assertThat(delivered).containsExactly("desk@campus.example:safety.alertmail");
	}

	@Test
	void whenEveryChannelRefusesTheDeliveryFailsSoItIsRetried() {
		refusing.addAll(List.of("primary@campus.example", "backup@campus.example", "desk@campus.example"));
		assertThatThrownBy(() -> mailer("desk@campus.example").notify(UUID.randomUUID(), new PersonId(primary), 0))
			.isInstanceOf(IllegalStateException.class);
		assertThat(delivered).isEmpty();
	}

	@Test
	void anEscalationPastTheLadderGoesToTheMailbox() {
		mailer("desk@campus.example").notify(UUID.randomUUID(), null, 2);
		assertThat(delivered).containsExactly("desk@campus.example:safety.alertmail");
	}

}
