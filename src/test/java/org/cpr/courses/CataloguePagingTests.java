package org.cpr.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The catalogue filters and pages in the database: soonest first across pages, the
 * audience filter keeps offerings for everyone, "fits my schedule" drops offerings that
 * overlap a seat the person holds (but keeps the person's own), and the page links keep
 * the filters.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CataloguePagingTests {

	static final LocalDateTime START = LocalDateTime.of(2044, 3, 1, 8, 0);

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	MockMvc mvc;

	@Test
	void pagesAreSoonestFirstAndFiltersHold() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		List<OfferingId> mine = new ArrayList<>();
		for (int i = 54; i >= 0; i--) {
			Audience audience = i % 5 == 0 ? new Audience(Set.of(TraineeType.NURSE), Set.of(), Set.of())
					: Audience.everyone();
			mine.add(0, create("Retreat " + tag + " " + i, START.plusDays(i), audience));
		}
		CatalogueQuery retreats = new CatalogueQuery(OfferingKind.RETREAT, LocalDate.of(2044, 3, 1), null, null, null,
				false);
		CataloguePage first = catalogue.page(retreats, 0, 50);
		CataloguePage second = catalogue.page(retreats, 50, 50);
		assertThat(first.total()).isGreaterThanOrEqualTo(55).isEqualTo(second.total());
		List<OfferingId> seen = new ArrayList<>();
		first.offerings().forEach(o -> seen.add(o.id()));
		second.offerings().forEach(o -> seen.add(o.id()));
		assertThat(seen.stream().filter(mine::contains).toList()).as("soonest first, across the pages")
			.containsExactlyElementsOf(mine);

		List<OfferingId> forResidents = catalogue
			.page(new CatalogueQuery(OfferingKind.RETREAT, LocalDate.of(2044, 3, 1), TraineeType.RESIDENT, null, null,
					false), 0, 500)
			.offerings()
			.stream()
			.map(Offering::id)
			.toList();
		assertThat(forResidents).contains(mine.get(1)).doesNotContain(mine.get(0), mine.get(5));

		PersonId person = new PersonId(UUID.randomUUID());
		registrations.register(mine.get(1), person, Set.of());
		OfferingId overlapping = create("Overlap " + tag, START.plusDays(1).plusMinutes(30), Audience.everyone());
		List<OfferingId> fits = catalogue
			.page(new CatalogueQuery(OfferingKind.RETREAT, LocalDate.of(2044, 3, 1), null, null, person, false), 0, 500)
			.offerings()
			.stream()
			.map(Offering::id)
			.toList();
		assertThat(fits).contains(mine.get(1), mine.get(2)).doesNotContain(overlapping);

		CprUser resident = TestUsers.as(Role.PARTICIPANT);
		String page2 = mvc
			.perform(get("/courses").param("kind", "RETREAT")
				.param("from", "2044-03-01")
				.param("page", "2")
				.with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page2).contains("Page 2 of").contains("rel=\"prev\"").contains("kind=RETREAT");
		assertThat(mvc.perform(get("/courses").param("page", "not a number").with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	private OfferingId create(String title, LocalDateTime start, Audience audience) {
		return catalogue.create(
				new OfferingPlan(title, OfferingKind.RETREAT, "A day away.", List.of(), audience, null, null,
						AttendanceVisibility.CONFIDENTIAL, false, 24, Set.of(),
						List.of(new SessionPlan(start, start.plusMinutes(90), "America/Denver", "Lodge", null, 20))),
				null);
	}

}
