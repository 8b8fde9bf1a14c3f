package org.cpr.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.cpr.directory.ServiceDirectory;
import org.cpr.support.MailTest;
import org.cpr.support.MutableClock;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Six months after its last review, an entry's owner gets one e-mail; a month later,
 * another.
 */
@MailTest
class ReviewReminderTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	static final String SUBJECT = "A directory entry you own needs its review";

	@Autowired
	ReviewReminderJob job;

	@Autowired
	ServiceDirectory directory;

	@Autowired
	MutableClock clock;

	@Test
	void ownersAreRemindedOfStaleEntriesOnceAMonth() throws Exception {
		int stale = (int) directory.everything().stream().filter(directory::reviewOverdue).count();
		assertThat(stale).as("the demo data has entries last reviewed long ago").isPositive();
		int reminded = job.remind();
		assertThat(reminded).isEqualTo(stale);
		// the mail context is shared: count the reminders only, not whatever else another
		// test's job sends
		await().atMost(Duration.ofSeconds(30)).until(() -> reminders().size() == stale);
		MimeMessage first = reminders().get(0);
		assertThat(GreenMailUtil.getAddressList(first.getAllRecipients())).isEqualTo("admin@demo.cpr.example");
		assertThat(first.getSubject()).isEqualTo(SUBJECT);
		assertThat(GreenMailUtil.getBody(first)).contains("/admin/directory/");

		assertThat(job.remind()).as("no second reminder the same month").isZero();
		clock.advance(Duration.ofDays(32));
		assertThat(job.remind()).isGreaterThanOrEqualTo(stale);
	}

	private static List<MimeMessage> reminders() throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (SUBJECT.equals(message.getSubject())) {
				found.add(message);
			}
		}
		return found;
	}

}
