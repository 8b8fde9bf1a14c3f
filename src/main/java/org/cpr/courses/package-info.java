/**
 * Program delivery: offerings of every kind (lectures and grand rounds, workshops,
 * retreats, conferences, single sessions, multi-week courses) with their sessions,
 * audience and attendance visibility; registration with an exact seat count and a
 * first-come waitlist; the catalogue; QR and roll-call attendance. Sessions go on
 * people's calendars through the {@code calendar} module (this module is a
 * {@link org.cpr.calendar.CalendarSource}); topics come from {@code curriculum} by id;
 * confidential attendance leaves only as counts through {@code disclosure}; session
 * evaluations and pre/post measures are campaigns of the {@code survey} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courses", allowedDependencies = { "shared", "identity",
		"curriculum", "calendar", "disclosure", "notification", "survey", "questionnaire", "evaluation" })
package org.cpr.courses;
