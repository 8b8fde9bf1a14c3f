/**
 * The curriculum: a library of teachable topics, each with learning objectives, a
 * suggested format and length, facilitator notes and resources, mapped to the six ACGME
 * core competencies and to the well-being items (VI.C) of the ACGME Common Program
 * Requirements. Offerings in {@code courses} refer to topics by
 * {@link org.cpr.curriculum.TopicId}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Curriculum",
		allowedDependencies = { "shared", "identity" })
package org.cpr.curriculum;
