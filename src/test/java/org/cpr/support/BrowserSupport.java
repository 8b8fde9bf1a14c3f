package org.cpr.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Playwright driving the system Chromium (never a downloaded browser). Without Chromium
 * the tests are skipped with one line, unless {@code CPR_BROWSER_TESTS=required} (CI),
 * where they fail.
 */
public class BrowserSupport implements ExecutionCondition, AfterAllCallback {

	private static volatile boolean notified;

	private static Playwright playwright;

	private static Browser browser;

	public static Path chromium() {
		return Path.of(System.getenv().getOrDefault("CPR_CHROMIUM", "/usr/bin/chromium"));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(chromium())) {
			return ConditionEvaluationResult.enabled("Chromium at " + chromium());
		}
		if ("required".equals(System.getenv("CPR_BROWSER_TESTS"))) {
			throw new IllegalStateException("Browser tests are required but there is no Chromium at " + chromium());
		}
		if (!notified) {
			notified = true;
			System.out.println("Browser tests skipped: no Chromium at " + chromium() + " (set CPR_CHROMIUM).");
		}
		return ConditionEvaluationResult.disabled("no Chromium");
	}

	/** One browser per test JVM; each test gets a fresh context (no shared cookies). */
	public static synchronized Browser browser() {
		if (browser == null) {
			playwright = Playwright.create();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> playwright.close()));
			browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
							"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		}
		return browser;
	}

	/** A phone-sized context (360 × 740), as clinicians use between patients. */
	public static Page phone(String baseUrl) {
		BrowserContext context = browser().newContext(
				new Browser.NewContextOptions().setViewportSize(360, 740).setBaseURL(baseUrl).setLocale("en-US"));
		return context.newPage();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// The browser lives for the whole JVM; Playwright closes it at shutdown.
	}

}
