package org.cpr.survey.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;
import org.cpr.survey.Campaign;
import org.cpr.survey.SenderAttributes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may open a wave's report (page, CSV, API, response rates): the person who created
 * the campaign, and the leaders (administrators and program directors, scoped by their
 * grants) of the campaign's audience: its org units, its hospital, its roster's units.
 * Holding one of those roles somewhere else is not enough. Everyone else gets 404, so a
 * wave's existence is not revealed.
 *
 * <p>
 * A campaign whose answers carry attributes a sending module attaches
 * ({@link SenderAttributes}: needs waves, mentoring-group feedback) is reported by that
 * module only, pooled through its own disclosure round; the engine's per-wave report of
 * it is closed to everyone, because two rounds over the same answers could be subtracted
 * from each other to reveal a smaller group.
 */
@Component
class ReportAccess {

	private static final List<Role> LEADERS = List.of(Role.ADMINISTRATOR, Role.PROGRAM_DIRECTOR);

	private final JdbcTemplate jdbc;

	private final IdentityManagement identity;

	private final ObjectProvider<SenderAttributes> senders;

	ReportAccess(JdbcTemplate jdbc, IdentityManagement identity, ObjectProvider<SenderAttributes> senders) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.senders = senders;
	}

	/**
	 * The role the user sees the campaign's reports under, or empty when they may not see
	 * them (answer 404).
	 */
	java.util.Optional<Role> roleFor(CprUser user, Campaign campaign) {
		if (senders.orderedStream().anyMatch(s -> s.attaches(campaign.id()))) {
			return java.util.Optional.empty();
		}
		UUID owner = jdbc.queryForList("SELECT created_by FROM survey_campaign WHERE id = ?", UUID.class, campaign.id())
			.stream()
			.findFirst()
			.orElse(null);
		if (owner != null && owner.equals(user.personId().value())) {
			return java.util.Optional.of(user.hasRole(Role.FACILITATOR) ? Role.FACILITATOR
					: user.hasRole(Role.SYSTEM_ADMIN) ? Role.SYSTEM_ADMIN : leaderRole(user));
		}
		Set<UUID> audience = audienceUnits(campaign);
		for (Role role : LEADERS) {
			if (user.hasRole(role)
					&& audience.stream().anyMatch(u -> identity.holds(user.personId(), role, new OrgUnitId(u)))) {
				return java.util.Optional.of(role);
			}
		}
		return java.util.Optional.empty();
	}

	private static Role leaderRole(CprUser user) {
		return LEADERS.stream().filter(user::hasRole).findFirst().orElse(Role.FACILITATOR);
	}

	private Set<UUID> audienceUnits(Campaign campaign) {
		Set<UUID> units = new LinkedHashSet<>(campaign.audience().units());
		if (campaign.hospital() != null) {
			identity.orgUnits()
				.stream()
				.filter(u -> campaign.hospital().equals(u.code()))
				.forEach(u -> units.add(u.id().value()));
		}
		units.addAll(jdbc.queryForList(
				"SELECT DISTINCT org_unit_id FROM survey_roster WHERE campaign_id = ?" + " AND org_unit_id IS NOT NULL",
				UUID.class, campaign.id()));
		return units;
	}

}
