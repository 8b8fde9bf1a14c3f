package org.cpr.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application context sends mail to {@link TestMail}'s server; the test class
 * registers {@code TestMail.server()} to read it. Prefer {@link MailTest}, which every
 * mail test without settings of its own shares.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesTestMail {

}
