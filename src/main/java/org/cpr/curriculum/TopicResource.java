package org.cpr.curriculum;

/**
 * A link a facilitator or learner can follow (an article, a video, a handout kept
 * elsewhere).
 */
public record TopicResource(String label, String url) {
}
