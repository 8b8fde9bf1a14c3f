package org.cpr.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application with mail on ({@link UsesTestMail}), MockMvc and the
 * {@link MutableClock}: one application context for every test that reads the mail the
 * platform sends. A test that needs settings of its own pays for a context of its own;
 * put a harmless setting into {@code application-test.yml} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@UsesTestMail
public @interface MailTest {

}
