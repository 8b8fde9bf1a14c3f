package org.cpr.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.MfaEnrolment;
import org.cpr.identity.internal.ProductionSecurity;
import org.cpr.platform.PlatformWeb;
import org.cpr.shared.KeyedHash;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Completes a {@code @WebMvcTest} with what a request meets in production before and
 * after the controller: the real security filter chains (role rules, CSRF, MFA gate), the
 * real message bundles (field messages as users read them), locale, page model and error
 * handlers. The identity module's API and the login throttle's database stand-ins are
 * mocks; a module's slice annotation (e.g. {@code CqiWebSlice}) adds its controllers and
 * mocks its own API.
 * <p>
 * In Spring Boot 4 a web slice gets Spring Security's auto-configuration only through
 * {@code spring-boot-starter-security-test}, which this build does not have; the three
 * auto-configurations the application's chains need are imported here instead.
 * <p>
 * A slice proves who may call what, what a bad form shows and what it keeps. Anything
 * that depends on stored data (privacy of answers, disclosure gates, ledgers) stays a
 * {@code @SpringBootTest} against the real database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class })
@Import({ PlatformWeb.class, ProductionSecurity.class })
@MockitoBean(types = { IdentityManagement.class, MfaEnrolment.class, KeyedHash.class, JdbcClient.class })
public @interface WebSlice {

}
