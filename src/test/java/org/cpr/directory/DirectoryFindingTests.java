package org.cpr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a resident types is not always what a service calls itself: "PTSD" finds the
 * services that speak of trauma, "moral injury" those that speak of moral distress (in
 * English and Spanish). The page groups the results as the campus lists them: help right
 * now, the schools' programs, the hospitals', campus-wide, outside.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DirectoryFindingTests {

	@Autowired
	ServiceDirectory directory;

	@Autowired
	MockMvc mvc;

	List<String> names(String text) {
		return directory.search(new ServiceQuery(text, null, null, null, false, false, false))
			.stream()
			.map(ServiceEntry::name)
			.toList();
	}

	@Test
	void ptsdAndMoralInjuryFindServicesThatUseOtherWords() {
		assertThat(names("PTSD")).contains("Critical Incident Debriefing", "Second Victim Rapid Response Team");
		assertThat(names("post-traumatic stress")).contains("Critical Incident Debriefing");
		assertThat(names("TEPT")).as("the Spanish abbreviation").contains("Critical Incident Debriefing");
		assertThat(names("moral injury")).contains("Resilience Psychologist Consultations");
		assertThat(names("moral injury")).doesNotContain("Lactation Rooms", "Yoga at Noon");
		assertThat(names("daño moral")).contains("Resilience Psychologist Consultations");
		assertThat(names("ptsd counseling")).as("a synonym combines with other words")
			.doesNotContain("Lactation Rooms");
	}

	@Test
	void resultsAreGroupedAsTheCampusListsThem() throws Exception {
		String page = mvc.perform(get("/directory")).andReturn().getResponse().getContentAsString();
		String crisis = section(page, "group-crisis");
		String school = section(page, "group-school");
		String campus = section(page, "group-campus");
		assertThat(crisis).contains("Campus Crisis Line").doesNotContain("Campus Recreation Center");
		assertThat(school).contains("School of Medicine and school programs")
			.contains("Resident Peer Support Network")
			.doesNotContain("Campus Recreation Center")
			.doesNotContain("Campus Crisis Line");
		assertThat(campus).contains("Campus-wide services")
			.contains("Campus Recreation Center")
			.doesNotContain("Resident Peer Support Network");
		assertThat(page).as("a jump list to the groups").contains("href=\"#group-campus\"");
		assertThat(page.indexOf("id=\"group-crisis\"")).as("help right now comes first")
			.isLessThan(page.indexOf("id=\"group-school\""));
		String spanish = mvc.perform(get("/directory").param("lang", "es").header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanish).contains("Servicios para todo el campus")
			.as("Spanish descriptions")
			.contains("Gimnasio, piscina y clases grupales en horarios pensados para los turnos.")
			.doesNotContain("Gym, pool and group fitness classes");
		assertThat(page).contains("Gym, pool and group fitness classes timed around shifts.");
	}

	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		int end = page.indexOf("</section>", start);
		return page.substring(start, end);
	}

}
