package org.cpr.identity.internal;

import java.util.List;

import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;

/**
 * The demo campus, as data: its org tree, the named demo logins of the README (one per
 * role) and the generated population. Nothing here is real; names are invented.
 */
final class DemoCampus {

	/**
	 * Every demo login uses this password (demo mode only; it passes the password
	 * policy).
	 */
	static final String DEMO_PASSWORD = "demo-resilience-2026";

	record Unit(String code, String parent, OrgUnitKind kind, String name) {
	}

	record Login(String username, String displayName, TraineeType type, String level, String program, Role role,
			String scope, String token) {
	}

	static final List<Unit> UNITS = List.of(
			new Unit("CAMPUS", null, OrgUnitKind.INSTITUTION, "Front Range Health Sciences Campus"),
			new Unit("SOM", "CAMPUS", OrgUnitKind.SCHOOL, "School of Medicine"),
			new Unit("CON", "CAMPUS", OrgUnitKind.SCHOOL, "College of Nursing"),
			new Unit("SOP", "CAMPUS", OrgUnitKind.SCHOOL, "School of Pharmacy"),
			new Unit("UH", "CAMPUS", OrgUnitKind.HOSPITAL, "University Hospital"),
			new Unit("CH", "CAMPUS", OrgUnitKind.HOSPITAL, "Children's Hospital"),
			new Unit("SOM-MED", "SOM", OrgUnitKind.DEPARTMENT, "Department of Medicine"),
			new Unit("SOM-SURG", "SOM", OrgUnitKind.DEPARTMENT, "Department of Surgery"),
			new Unit("SOM-PEDS", "SOM", OrgUnitKind.DEPARTMENT, "Department of Pediatrics"),
			new Unit("SOM-PSY", "SOM", OrgUnitKind.DEPARTMENT, "Department of Psychiatry"),
			new Unit("SOM-EM", "SOM", OrgUnitKind.DEPARTMENT, "Department of Emergency Medicine"),
			new Unit("SOM-EDU", "SOM", OrgUnitKind.DEPARTMENT, "Office of Medical Education"),
			new Unit("CON-PRAC", "CON", OrgUnitKind.DEPARTMENT, "Nursing Practice"),
			new Unit("SOP-PRAC", "SOP", OrgUnitKind.DEPARTMENT, "Pharmacy Practice"),
			new Unit("UH-NURS", "UH", OrgUnitKind.DEPARTMENT, "University Hospital Nursing Services"),
			new Unit("UH-ALLIED", "UH", OrgUnitKind.DEPARTMENT, "University Hospital Rehabilitation and Allied Health"),
			new Unit("CH-NURS", "CH", OrgUnitKind.DEPARTMENT, "Children's Hospital Nursing Services"),
			new Unit("PRG-IM", "SOM-MED", OrgUnitKind.PROGRAM, "Internal Medicine Residency"),
			new Unit("PRG-CARD", "SOM-MED", OrgUnitKind.PROGRAM, "Cardiovascular Disease Fellowship"),
			new Unit("PRG-GS", "SOM-SURG", OrgUnitKind.PROGRAM, "General Surgery Residency"),
			new Unit("PRG-PEDS", "SOM-PEDS", OrgUnitKind.PROGRAM, "Pediatrics Residency"),
			new Unit("PRG-PSY", "SOM-PSY", OrgUnitKind.PROGRAM, "Psychiatry Residency"),
			new Unit("PRG-EM", "SOM-EM", OrgUnitKind.PROGRAM, "Emergency Medicine Residency"),
			new Unit("PRG-MD", "SOM-EDU", OrgUnitKind.PROGRAM, "Doctor of Medicine (MD) Program"),
			new Unit("PRG-NRES", "CON-PRAC", OrgUnitKind.PROGRAM, "Nurse Residency Program"),
			new Unit("PRG-PHRES", "SOP-PRAC", OrgUnitKind.PROGRAM, "PGY1 Pharmacy Residency"));

	/** One login per role; {@code token} is the demo API token printed in the README. */
	static final List<Login> LOGINS = List.of(
			new Login("resident", "Alex Rivera", TraineeType.RESIDENT, "PGY1", "PRG-IM", Role.PARTICIPANT, "CAMPUS",
					"cpr_demo_participant_4f7d2c9a1b6e8035"),
			new Login("leader", "Dr. Morgan Lee", TraineeType.FACULTY, null, "PRG-IM", Role.GROUP_LEADER, "SOM",
					"cpr_demo_group_leader_9a3e5b7c2d1f4068"),
			new Login("facilitator", "Jordan Patel", TraineeType.STAFF, null, null, Role.FACILITATOR, "CAMPUS",
					"cpr_demo_facilitator_c81b4e6d0a2f9357"),
			new Login("director", "Dr. Casey Nguyen", TraineeType.FACULTY, null, "PRG-IM", Role.PROGRAM_DIRECTOR,
					"PRG-IM", "cpr_demo_program_director_2b9f6a0d4c8e1735"),
			new Login("admin", "Taylor Brooks", TraineeType.STAFF, null, null, Role.ADMINISTRATOR, "CAMPUS",
					"cpr_demo_administrator_e4a7c1f9b3d06285"),
			new Login("clinician", "Dr. Sam Okafor, PsyD", TraineeType.FACULTY, null, null, Role.RESILIENCE_CLINICIAN,
					"CAMPUS", "cpr_demo_resilience_clinician_7d0c3f8a5e1b9246"),
			new Login("peer", "Riley Chen, RN", TraineeType.NURSE, null, "PRG-NRES", Role.PEER_SUPPORTER, "CAMPUS",
					"cpr_demo_peer_supporter_5e2a9d7b0f4c8613"),
			new Login("researcher", "Dr. Avery Kim", TraineeType.FACULTY, null, null, Role.RESEARCHER, "CAMPUS",
					"cpr_demo_researcher_0f6b8d2e9a4c7351"),
			new Login("privacy", "Quinn Murphy", TraineeType.STAFF, null, null, Role.PRIVACY_OFFICER, "CAMPUS",
					"cpr_demo_privacy_officer_3c9e1a7f5b0d2864"),
			new Login("sysadmin", "Drew Santos", TraineeType.STAFF, null, null, Role.SYSTEM_ADMIN, "CAMPUS",
					"cpr_demo_system_admin_8a1d4f6c2e9b0573"));

	static final List<String> GIVEN = List.of("Jamie", "Priya", "Mateo", "Aisha", "Noah", "Sofia", "Ethan", "Mei",
			"Lucas", "Amara", "Diego", "Hana", "Omar", "Grace", "Kai", "Lena", "Ravi", "Zoe", "Isaac", "Nadia");

	static final List<String> FAMILY = List.of("Garcia", "Johnson", "Kowalski", "Haddad", "Nakamura", "Okoye",
			"Fernandez", "Singh", "Larsen", "Dubois", "Mensah", "Romero", "Cohen", "Park", "Silva", "Ahmed");

	/**
	 * The generated population: (trainee type, program code, level or null) repeated to
	 * about 70 people.
	 */
	record Cohort(TraineeType type, String program, String department, List<String> levels, int count) {
	}

	static final List<Cohort> COHORTS = List.of(
			new Cohort(TraineeType.MEDICAL_STUDENT, "PRG-MD", "SOM-EDU", List.of("MS1", "MS2", "MS3", "MS4"), 10),
			new Cohort(TraineeType.RESIDENT, "PRG-IM", "SOM-MED", List.of("PGY1", "PGY2", "PGY3"), 9),
			new Cohort(TraineeType.RESIDENT, "PRG-GS", "SOM-SURG", List.of("PGY1", "PGY2", "PGY3", "PGY4", "PGY5"), 7),
			new Cohort(TraineeType.RESIDENT, "PRG-PEDS", "SOM-PEDS", List.of("PGY1", "PGY2", "PGY3"), 5),
			new Cohort(TraineeType.RESIDENT, "PRG-PSY", "SOM-PSY", List.of("PGY1", "PGY2", "PGY3", "PGY4"), 4),
			new Cohort(TraineeType.RESIDENT, "PRG-EM", "SOM-EM", List.of("PGY1", "PGY2", "PGY3"), 4),
			new Cohort(TraineeType.FELLOW, "PRG-CARD", "SOM-MED", List.of("PGY4", "PGY5", "PGY6"), 3),
			new Cohort(TraineeType.NURSE, "PRG-NRES", "UH-NURS", List.of(), 8),
			new Cohort(TraineeType.NURSE, null, "CH-NURS", List.of(), 4),
			new Cohort(TraineeType.PHARMACIST, "PRG-PHRES", "SOP-PRAC", List.of("PGY1"), 4),
			new Cohort(TraineeType.ALLIED_HEALTH, null, "UH-ALLIED", List.of(), 4),
			new Cohort(TraineeType.FACULTY, null, "SOM-MED", List.of(), 4),
			new Cohort(TraineeType.STAFF, null, "SOM-EDU", List.of(), 3));

	private DemoCampus() {
	}

}
