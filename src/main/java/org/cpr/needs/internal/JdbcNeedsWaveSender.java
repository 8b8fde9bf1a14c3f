package org.cpr.needs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.OrgUnitId;
import org.cpr.identity.PersonSummary;
import org.cpr.needs.AcademicYear;
import org.cpr.needs.NeedsWaveSender;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.PersonId;
import org.cpr.survey.Audience;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.Schedule;
import org.cpr.survey.SurveyCampaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the end-of-rotation stressor wave to the people whose block ended in the last
 * {@code cpr.needs.lookback-days} days and who were not asked yet: one anonymous campaign
 * per program (or department) and run, on its own roster, open for
 * {@code cpr.needs.window-days}. While fewer people than the minimum cell size have
 * finished, it waits (up to the look-back) so that small cohorts are asked together.
 */
@Component("needsWaveSender")
class JdbcNeedsWaveSender implements NeedsWaveSender {

	private static final Logger LOG = LoggerFactory.getLogger(JdbcNeedsWaveSender.class);

	private final JdbcClient jdbc;

	private final SurveyCampaigns campaigns;

	private final IdentityManagement identity;

	private final StressorQuestionnaire questionnaire;

	private final Clock clock;

	private final int lookbackDays;

	private final int windowDays;

	JdbcNeedsWaveSender(JdbcClient jdbc, SurveyCampaigns campaigns, IdentityManagement identity,
			StressorQuestionnaire questionnaire, Clock clock, @Value("${cpr.needs.lookback-days:7}") int lookbackDays,
			@Value("${cpr.needs.window-days:14}") int windowDays) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.identity = identity;
		this.questionnaire = questionnaire;
		this.clock = clock;
		this.lookbackDays = lookbackDays;
		this.windowDays = windowDays;
	}

	@Scheduled(cron = "${cpr.needs.sender-cron:0 20 6 * * *}")
	@SchedulerLock(name = "needs-wave-sender", lockAtMostFor = "PT20M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	void scheduled() {
		int invited = sendDue();
		if (invited > 0) {
			LOG.info("Needs analysis: end-of-rotation wave sent to {} people", invited);
		}
	}

	private record Due(UUID block, PersonId person, LocalDate endsOn, PersonId createdBy) {
	}

	@Override
	@Transactional
	public int sendDue() {
		LocalDate today = LocalDate.now(clock);
		List<Due> due = jdbc
			.sql("SELECT id, person_id, ends_on, created_by FROM needs_block WHERE campaign_id IS NULL"
					+ " AND ends_on < ? AND ends_on >= ? ORDER BY ends_on")
			.params(today, today.minusDays(lookbackDays))
			.query((rs, i) -> new Due(rs.getObject("id", UUID.class),
					new PersonId(rs.getObject("person_id", UUID.class)), rs.getObject("ends_on", LocalDate.class),
					new PersonId(rs.getObject("created_by", UUID.class))))
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		// One campaign per program (or department, for people outside a program): its
		// answers belong to that unit, and only viewers holding it see them.
		Map<OrgUnitId, Map<PersonId, List<Due>>> byUnit = new LinkedHashMap<>();
		for (Due d : due) {
			identity.person(d.person()).filter(PersonSummary::active).ifPresent(p -> {
				OrgUnitId unit = p.program() != null ? p.program() : p.department();
				if (unit != null) {
					byUnit.computeIfAbsent(unit, u -> new LinkedHashMap<>())
						.computeIfAbsent(d.person(), x -> new java.util.ArrayList<>())
						.add(d);
				}
			});
		}
		int invited = 0;
		for (Map.Entry<OrgUnitId, Map<PersonId, List<Due>>> unit : byUnit.entrySet()) {
			invited += send(unit.getKey(), unit.getValue(), today);
		}
		return invited;
	}

	/**
	 * Sends one unit's wave, or waits while fewer than the minimum cell size finished and
	 * the oldest block is still inside the look-back.
	 */
	private int send(OrgUnitId unit, Map<PersonId, List<Due>> people, LocalDate today) {
		List<Due> due = people.values()
			.stream()
			.flatMap(List::stream)
			.sorted(java.util.Comparator.comparing(Due::endsOn))
			.toList();
		boolean lastChance = !due.get(0).endsOn().isAfter(today.minusDays(lookbackDays));
		if (people.size() < CampaignSettings.MIN_RESPONDENTS && !lastChance) {
			return 0;
		}
		PersonId owner = due.get(due.size() - 1).createdBy();
		QuestionnaireVersion version = questionnaire.ensure(owner);
		LocalDate lastEnd = due.get(due.size() - 1).endsOn();
		LocalDate closes = today.plusDays(windowDays - 1L);
		UUID campaign = campaigns.create(owner, new CampaignSettings("After your rotation: what made it hard?",
				"Twelve short questions and one optional tip for the next person, about the rotation block you just finished."
						+ " Anonymous: your rotation and hospital come from the schedule and are kept coarse.",
				StressorQuestionnaire.ID, Integer.toString(version.number()), PrivacyMode.ANONYMOUS,
				CampaignSettings.MIN_RESPONDENTS, CampaignSettings.MIN_COMMENTS, null, Audience.NONE,
				Schedule.oneOff(today, closes)));
		jdbc.sql(
				"INSERT INTO needs_campaign (campaign_id, academic_year, sent_on, closes_on, org_unit_id) VALUES (?,?,?,?,?)")
			.params(campaign, AcademicYear.of(lastEnd), today, closes, unit.value())
			.update();
		for (PersonId p : people.keySet()) {
			campaigns.addToRoster(campaign, p, unit.value());
		}
		for (Due d : due) {
			jdbc.sql("UPDATE needs_block SET campaign_id = ? WHERE id = ?").params(campaign, d.block()).update();
		}
		campaigns.launch(owner, campaign);
		return people.size();
	}

	@Override
	public Set<UUID> sentCampaigns() {
		return Set.copyOf(jdbc.sql("SELECT campaign_id FROM needs_campaign").query(UUID.class).list());
	}

}
