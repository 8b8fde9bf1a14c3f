package org.cpr.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The tests' SMTP server (GreenMail) on one free port per test JVM. A test class
 * annotated {@link UsesTestMail} (e.g. through {@link MailTest}) gets
 * {@code spring.mail.host} and {@code spring.mail.port} pointing at it; the properties
 * are the same for every such class, so they share one application context instead of
 * starting one per random port.
 */
public final class TestMail {

	/** Chosen once per JVM: free when the first mail test asks for it. */
	public static final int PORT = freePort();

	private TestMail() {
	}

	/**
	 * A GreenMail server on {@link #PORT} for {@code @RegisterExtension}: started before
	 * and stopped after every test method, so each test sees only its own mail.
	 */
	public static GreenMailExtension server() {
		return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/**
	 * The subject of the one mail {@code address} receives, waited for (mailers send
	 * after their transaction, on another thread).
	 */
	public static String subjectOfTheMailTo(GreenMailExtension mail, String address) {
		await().atMost(Duration.ofSeconds(10)).until(() -> to(mail, address).size() == 1);
		try {
			return to(mail, address).get(0).getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The mails received so far with {@code address} among their recipients. */
	public static List<MimeMessage> to(GreenMailExtension mail, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
			}
			catch (MessagingException e) {
				return false;
			}
		}).toList();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Registered in {@code META-INF/spring.factories}: adds the mail properties to the
	 * context of a test class annotated {@link UsesTestMail}.
	 */
	public static class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return TestContextAnnotationUtils.hasAnnotation(testClass, UsesTestMail.class) ? new MailProperties()
					: null;
		}

	}

	/** Equal to every other instance: part of the context cache key. */
	static final class MailProperties implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("cpr-test-mail",
						Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", PORT)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof MailProperties;
		}

		@Override
		public int hashCode() {
			return MailProperties.class.hashCode();
		}

	}

}
