package org.cpr.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.cpr.directory.DirectoryUse;
import org.cpr.directory.ServiceCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Day counters in {@code directory_use}. */
@Component
class JdbcDirectoryUse implements DirectoryUse {

	private static final String SEARCH = "SEARCH";

	private static final String VIEW = "VIEW";

	private static final String ANY = "ANY";

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcDirectoryUse(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void searched() {
		count(SEARCH, ANY);
	}

	@Override
	@Transactional
	public void viewed(ServiceCategory category) {
		count(VIEW, category.name());
	}

	private void count(String kind, String category) {
		LocalDate today = LocalDate.now(clock);
		// Create-if-absent without an error (that would abort a PostgreSQL transaction),
		// then add under the row lock.
		jdbc.sql("INSERT INTO directory_use (day, kind, category, uses) VALUES (?,?,?,0) ON CONFLICT DO NOTHING")
			.params(today, kind, category)
			.update();
		jdbc.sql("UPDATE directory_use SET uses = uses + 1 WHERE day = ? AND kind = ? AND category = ?")
			.params(today, kind, category)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public Figures figures(LocalDate from, LocalDate toExclusive) {
		long searches = jdbc
			.sql("SELECT COALESCE(SUM(uses), 0) FROM directory_use WHERE kind = ? AND day >= ? AND day < ?")
			.params(SEARCH, from, toExclusive)
			.query(Long.class)
			.single();
		List<CategoryViews> views = jdbc
			.sql("SELECT category, SUM(uses) FROM directory_use WHERE kind = ? AND day >= ? AND day < ?"
					+ " GROUP BY category ORDER BY category")
			.params(VIEW, from, toExclusive)
			.query((rs, i) -> new CategoryViews(ServiceCategory.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return new Figures(searches, views);
	}

}
