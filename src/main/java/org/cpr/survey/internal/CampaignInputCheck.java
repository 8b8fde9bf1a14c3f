package org.cpr.survey.internal;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.PersonId;
import org.cpr.survey.CampaignRefused;
import org.springframework.stereotype.Component;

/**
 * What a facilitator sends about a campaign is checked against the library and the
 * directory of people before anything is stored, whether it comes from the page or the
 * API: a published questionnaire version, thresholds within bounds (never silently
 * raised), org units and people that exist. A refusal is a 422 naming the field.
 */
@Component
class CampaignInputCheck {

	static final int MAX_THRESHOLD = 1000;

	private final QuestionnaireLibrary library;

	private final IdentityManagement identity;

	CampaignInputCheck(QuestionnaireLibrary library, IdentityManagement identity) {
		this.library = library;
		this.identity = identity;
	}

	void questionnaire(String definitionId, String version) {
		boolean published = definitionId != null && version != null
				&& library.versions(definitionId)
					.stream()
					.filter(QuestionnaireVersion::published)
					.anyMatch(v -> Integer.toString(v.number()).equals(version.strip()));
		if (!published) {
			throw new CampaignRefused("questionnaire", "survey.campaign.questionnaire.unknown");
		}
	}

	void thresholds(int minRespondents, int minComments) {
		if (minRespondents < CampaignService.MIN_RESPONDENTS || minRespondents > MAX_THRESHOLD) {
			throw new CampaignRefused("minRespondents", "survey.campaign.minRespondents.invalid");
		}
		if (minComments < CampaignService.MIN_COMMENTS || minComments > MAX_THRESHOLD) {
			throw new CampaignRefused("minComments", "survey.campaign.minComments.invalid");
		}
	}

	void units(Collection<UUID> units) {
		if (units.isEmpty()) {
			return;
		}
		Set<UUID> known = identity.orgUnits()
			.stream()
			.map(OrgUnitSummary::id)
			.map(id -> id.value())
			.collect(Collectors.toSet());
		if (!known.containsAll(units)) {
			throw new CampaignRefused("units", "survey.campaign.unit.unknown");
		}
	}

	/** A roster entry names an active person and, if any, an existing org unit. */
	void rosterEntry(PersonId person, UUID orgUnit) {
		if (person == null || identity.person(person).filter(p -> p.active()).isEmpty()) {
			throw new CampaignRefused("personId", "survey.roster.person.unknown");
		}
		if (orgUnit != null) {
			try {
				units(Set.of(orgUnit));
			}
			catch (CampaignRefused unknown) {
				throw new CampaignRefused("orgUnitId", "survey.roster.unit.unknown");
			}
		}
	}

}
