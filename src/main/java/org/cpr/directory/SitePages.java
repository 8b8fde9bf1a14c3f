package org.cpr.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public website's editable pages, written in Markdown by administrators (one text
 * per language). Rendering escapes raw HTML and the result is sanitized again, so a page
 * can never carry script, event handlers or foreign embeds.
 */
@Service
public class SitePages {

	public static final String LANDING = "landing";

	public static final int MAX_LENGTH = 20_000;

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES);

	private final JdbcClient jdbc;

	private final AuditPort audit;

	private final Clock clock;

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	SitePages(JdbcClient jdbc, AuditPort audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The Markdown of a page in a language: the administrators' text, or the shipped
	 * default.
	 */
	public String markdown(String slug, Locale locale) {
		String language = language(locale);
		Optional<String> stored = jdbc.sql("SELECT markdown FROM site_page WHERE slug = ? AND locale = ?")
			.params(slug, language)
			.query(String.class)
			.optional();
		return stored.orElseGet(() -> shipped(slug, language));
	}

	/** Safe HTML for a page. */
	public String html(String slug, Locale locale) {
		return render(markdown(slug, locale));
	}

	public String render(String markdown) {
		return POLICY.sanitize(renderer.render(parser.parse(markdown == null ? "" : markdown)));
	}

	@Transactional
	public void save(String slug, Locale locale, String markdown, PersonId by) {
		String language = language(locale);
		int updated = jdbc
			.sql("UPDATE site_page SET markdown = ?, updated_at = ?, updated_by = ? WHERE slug = ? AND locale = ?")
			.params(markdown, Timestamp.from(clock.instant()), by.value(), slug, language)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO site_page (slug, locale, markdown, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
				.params(slug, language, markdown, Timestamp.from(clock.instant()), by.value())
				.update();
		}
		audit.record(AuditEntry.success(by, "SITE_PAGE_EDITED", "site_page", slug + ":" + language));
	}

	static String language(Locale locale) {
		return locale != null && "es".equals(locale.getLanguage()) ? "es" : "en";
	}

	private static String shipped(String slug, String language) {
		try {
			return new ClassPathResource("site/" + slug + "_" + language + ".md")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException missing) {
			return "";
		}
	}

}
