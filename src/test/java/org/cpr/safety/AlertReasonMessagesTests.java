package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;

/**
 * Every reason code an alert can carry is shown in words, in English and Spanish (never
 * ??key??).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertReasonMessagesTests {

	@Autowired
	MessageSource messages;

	static List<String> reasonCodes() {
		List<String> codes = new ArrayList<>(List.of("PHQ9_ITEM9", "ASQ_POSITIVE", "ASQ_ACUTE", "PCPTSD5_POSITIVE",
				"BURNOUT_SEEK_HELP", "BURNOUT_TOP", "BURNOUT", "CONTACT_REQUESTED", "CHECKIN", "PHQ9_SEVERE",
				"PHQ9_POSITIVE", "GAD7_SEVERE", "GAD7_POSITIVE"));
		for (String channel : List.of("PHONE", "EMAIL", "VIDEO", "IN_PERSON")) {
			codes.add("CONTACT_BY_" + channel);
		}
		for (String time : List.of("ANY", "MORNING", "AFTERNOON", "EVENING")) {
			codes.add("CONTACT_TIME_" + time);
		}
		return codes;
	}

	@Test
	void everyReasonChannelAndTimeHasWordsInBothLanguages() {
		for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
			for (String code : reasonCodes()) {
				assertThat(messages.getMessage("safety.reason." + code, null, null, locale)).as(code + " " + locale)
					.isNotBlank();
			}
			for (String channel : List.of("PHONE", "EMAIL", "VIDEO", "IN_PERSON")) {
				assertThat(messages.getMessage("contact.channel." + channel, null, null, locale)).as(channel)
					.isNotBlank();
			}
			for (String time : List.of("ANY", "MORNING", "AFTERNOON", "EVENING")) {
				assertThat(messages.getMessage("contact.time." + time, null, null, locale)).as(time).isNotBlank();
			}
		}
		assertThat(messages.getMessage("safety.reason.CONTACT_BY_PHONE", null, Locale.forLanguageTag("es")))
			.isNotEqualTo(messages.getMessage("safety.reason.CONTACT_BY_PHONE", null, Locale.ENGLISH));
	}

}
