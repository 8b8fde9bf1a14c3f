package org.cpr.survey.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for report groups: hospital codes and org unit ids become names; bands and
 * "everyone" come from the bundle.
 */
@Component
class GroupLabels {

	private final IdentityManagement identity;

	private final MessageSource messages;

	GroupLabels(IdentityManagement identity, MessageSource messages) {
		this.identity = identity;
		this.messages = messages;
	}

	List<OrgUnitSummary> hospitals() {
		return identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL);
	}

	String all() {
		return message("survey.report.everyone");
	}

	String group(String key) {
		if (key == null || "unknown".equals(key)) {
			return message("survey.report.unknownGroup");
		}
		Optional<OrgUnitSummary> unit = identity.orgUnits()
			.stream()
			.filter(u -> key.equals(u.code()) || key.equals(u.id().value().toString()))
			.findFirst();
		return unit.map(OrgUnitSummary::name).orElse(key);
	}

	String pgy(String band) {
		return band;
	}

	private String message(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

}
