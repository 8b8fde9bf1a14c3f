package org.cpr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.cpr.shared.AuditEntry.Outcome;
import org.junit.jupiter.api.Test;

class AuditEntryTests {

	private final PersonId actor = new PersonId(UUID.randomUUID());

	private final PersonId subject = new PersonId(UUID.randomUUID());

	@Test
	void factoriesFillTheSameFieldsAsTheConstructor() {
		assertThat(AuditEntry.administration(actor, "A", "t", "1").about(subject).detail("d"))
			.isEqualTo(new AuditEntry(actor, "A", "t", "1", subject, "administration", Outcome.SUCCESS, "d"));
		assertThat(AuditEntry.care(actor, "A", "t", null))
			.isEqualTo(new AuditEntry(actor, "A", "t", null, null, "care", Outcome.SUCCESS, null));
		assertThat(AuditEntry.selfService(actor, "A", "t", "1"))
			.isEqualTo(new AuditEntry(actor, "A", "t", "1", actor, "self-service", Outcome.SUCCESS, null));
		assertThat(AuditEntry.system("A", "t", "1", "safety").about(subject).detail("d"))
			.isEqualTo(new AuditEntry(null, "A", "t", "1", subject, "safety", Outcome.SUCCESS, "d"));
		assertThat(AuditEntry.of(actor, "A", "t", "1", "p").outcome(Outcome.DENIED))
			.isEqualTo(new AuditEntry(actor, "A", "t", "1", null, "p", Outcome.DENIED, null));
	}

	@Test
	void outcomeFollowsTheCondition() {
		AuditEntry e = AuditEntry.care(actor, "A", "t", "1").detail("d");
		assertThat(e.failedUnless(true).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(e.failedUnless(false))
			.isEqualTo(new AuditEntry(actor, "A", "t", "1", null, "care", Outcome.FAILURE, "d"));
		assertThat(e.deniedUnless(true).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(e.deniedUnless(false).outcome()).isEqualTo(Outcome.DENIED);
	}

}
