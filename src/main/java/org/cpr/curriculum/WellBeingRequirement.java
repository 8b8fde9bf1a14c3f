package org.cpr.curriculum;

/**
 * Items of the well-being section (VI.C) of the ACGME Common Program Requirements that a
 * topic helps a program meet. The labels in the message bundle paraphrase the
 * requirement; the code is the section number a site visitor looks for.
 */
public enum WellBeingRequirement {

	/**
	 * VI.C.1.a: enhancing the meaning each resident finds in the experience of being a
	 * physician.
	 */
	VI_C_1_A,
	/** VI.C.1.b: attention to scheduling, work intensity and work compression. */
	VI_C_1_B,
	/**
	 * VI.C.1.c: evaluating workplace safety data and the safety of residents and faculty.
	 */
	VI_C_1_C,
	/**
	 * VI.C.1.d: policies and programs that encourage optimal resident and faculty
	 * well-being.
	 */
	VI_C_1_D,
	/**
	 * VI.C.1.e: education on burnout, depression and substance use disorders, and how to
	 * help.
	 */
	VI_C_1_E,
	/** VI.C.1.e(3): access to tools for self-screening. */
	VI_C_1_E_3,
	/** VI.C.1.e(4): access to confidential, affordable mental-health care. */
	VI_C_1_E_4,
	/**
	 * VI.C.2: residents unable to work (fatigue, illness, family emergencies) without
	 * negative consequences.
	 */
	VI_C_2;

	/** The section number as printed, e.g. {@code VI.C.1.e(3)}. */
	public String code() {
		String[] parts = name().split("_");
		StringBuilder code = new StringBuilder(parts[0]).append('.').append(parts[1]).append('.').append(parts[2]);
		if (parts.length > 3) {
			code.append('.').append(parts[3].toLowerCase());
		}
		if (parts.length > 4) {
			code.append('(').append(parts[4]).append(')');
		}
		return code.toString();
	}

}
