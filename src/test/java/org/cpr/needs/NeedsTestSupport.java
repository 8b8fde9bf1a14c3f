package org.cpr.needs;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.springframework.context.ApplicationContext;

/**
 * Shared helpers of the needs tests: demo people, a complete answer, the survey's hourly
 * job.
 */
public final class NeedsTestSupport {

	private NeedsTestSupport() {
	}

	public static CprUser user(IdentityManagement identity, String username, Role role) {
		PersonSummary p = identity.byUsername(username).orElseThrow();
		return new CprUser(p.id(), username, null, p.displayName(),
				Set.of(new ScopedRole(role, p.program() != null ? p.program() : root(identity))), false, true);
	}

	/** A user holding one role for one org unit (and everything below it). */
	public static CprUser user(IdentityManagement identity, String username, Role role, String unitCode) {
		PersonSummary p = identity.byUsername(username).orElseThrow();
		return new CprUser(p.id(), username, null, p.displayName(),
				Set.of(new ScopedRole(role, unit(identity, unitCode))), false, true);
	}

	public static org.cpr.shared.OrgUnitId unit(IdentityManagement identity, String code) {
		return identity.orgUnits().stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
	}

	/** The top of the org tree (the demo campus), where campus-wide roles are held. */
	public static org.cpr.shared.OrgUnitId root(IdentityManagement identity) {
		return identity.orgUnits().stream().filter(u -> u.parent() == null).findFirst().orElseThrow().id();
	}

	/**
	 * Active demo people of a trainee type that the demo schedule leaves alone (it
	 * schedules residents only).
	 */
	public static List<PersonSummary> students(IdentityManagement identity) {
		return identity.audience(identity.orgUnits().stream().map(u -> u.id()).toList(),
				Set.of(TraineeType.MEDICAL_STUDENT), Set.of());
	}

	/**
	 * A complete end-of-rotation answer: every stressor item at {@code stress}, burnout
	 * 3, WHO-5 items 3.
	 */
	public static Map<String, Object> answer(int stress, String tip) {
		Map<String, Object> a = new LinkedHashMap<>();
		for (StressorDomain d : StressorDomain.stressors()) {
			d.items().forEach(i -> a.put(i, BigDecimal.valueOf(stress)));
		}
		a.put("burnout", BigDecimal.valueOf(3));
		StressorDomain.WELLBEING.items().forEach(i -> a.put(i, BigDecimal.valueOf(3)));
		if (tip != null) {
			a.put("tip", tip);
		}
		return a;
	}

	/**
	 * Runs the survey module's hourly job (invitations, reminders, the anonymous pool's
	 * release) as the scheduler would.
	 */
	public static void runSurveyScheduler(ApplicationContext context) {
		try {
			Class<?> type = Class.forName("org.cpr.survey.internal.WaveScheduler");
			Object bean = context.getBean(type);
			Method run = bean.getClass().getMethod("runHourly");
			run.setAccessible(true);
			run.invoke(bean);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("survey scheduler not reachable", e);
		}
	}

}
