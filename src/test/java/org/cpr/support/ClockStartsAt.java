package org.cpr.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The instant (ISO-8601, e.g. {@code 2026-12-01T08:00:00Z}) a test class or method starts
 * at, instead of {@link MutableClock#START}. A method's annotation wins over its class's.
 * Applied by {@link MutableClockReset} before each test method, so it holds whatever ran
 * before.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ClockStartsAt {

	String value();

}
