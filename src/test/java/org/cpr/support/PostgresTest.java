package org.cpr.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring test against the real PostgreSQL of {@code CPR_TEST_DB_URL} (skipped with a
 * notice without it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresTest {

}
