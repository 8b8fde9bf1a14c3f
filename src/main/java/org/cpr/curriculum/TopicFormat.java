package org.cpr.curriculum;

/** How a topic is best taught. */
public enum TopicFormat {

	LECTURE, WORKSHOP, SMALL_GROUP, SIMULATION, RETREAT_SESSION, ONLINE_MODULE

}
