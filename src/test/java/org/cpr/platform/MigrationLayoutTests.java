package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The migration scheme that makes Flyway's {@code out-of-order: true} safe (README,
 * "Design"): each module's folder uses its own major version, and a migration only
 * touches tables created by a migration with a lower version, so applying pending
 * migrations in version order works on an empty database and on one that already has
 * later majors applied.
 */
class MigrationLayoutTests {

	record Migration(String module, int[] version, String file, String sql) {
		String name() {
			return module + "/" + file;
		}
	}

	static final Pattern FILE = Pattern.compile("V(\\d+(?:_\\d+)*)__.+\\.sql");
	static final Pattern CREATES = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
	static final Pattern USES = Pattern.compile("references\\s+(\\w+)|alter\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)"
			+ "|create\\s+(?:unique\\s+)?index\\s+(?:if\\s+not\\s+exists\\s+)?\\w+\\s+on\\s+(\\w+)");

	static List<Migration> migrations() throws IOException {
		List<Migration> all = new ArrayList<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql")) {
			String path = r.getURL().getPath();
			String[] parts = path.substring(path.indexOf("db/migration/") + "db/migration/".length()).split("/");
			Matcher m = FILE.matcher(parts[parts.length - 1]);
			assertThat(m.matches()).as("versioned migration name: %s", path).isTrue();
			assertThat(parts).as("one folder per module: %s", path).hasSize(2);
			int[] version = Arrays.stream(m.group(1).split("_")).mapToInt(Integer::parseInt).toArray();
			String sql = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "")
				.toLowerCase(Locale.ROOT);
			all.add(new Migration(parts[0], version, parts[1], sql));
		}
		all.sort(Comparator.comparing(Migration::version, Arrays::compare));
		return all;
	}

	@Test
	void eachModuleHasItsOwnMajorVersion() throws IOException {
		Map<Integer, String> moduleOfMajor = new HashMap<>();
		Map<String, Integer> majorOfModule = new HashMap<>();
		for (Migration m : migrations()) {
			assertThat(moduleOfMajor.putIfAbsent(m.version()[0], m.module()))
				.as("major V%d_ belongs to one module: %s", m.version()[0], m.name())
				.isIn(null, m.module());
			assertThat(majorOfModule.putIfAbsent(m.module(), m.version()[0]))
				.as("module %s uses one major version: %s", m.module(), m.name())
				.isIn(null, m.version()[0]);
		}
	}

	@Test
	void aMigrationTouchesOnlyTablesCreatedByALowerVersion() throws IOException {
		Map<String, String> createdBy = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Migration m : migrations()) {
			Matcher uses = USES.matcher(m.sql());
			while (uses.find()) {
				String table = uses.group(1) != null ? uses.group(1)
						: uses.group(2) != null ? uses.group(2) : uses.group(3);
				if (!createdBy.containsKey(table) && !created(m.sql(), table, uses.start())) {
					problems.add(m.name() + " uses " + table + ", which no lower version creates");
				}
			}
			Matcher creates = CREATES.matcher(m.sql());
			while (creates.find()) {
				createdBy.putIfAbsent(creates.group(1), m.name());
			}
		}
		assertThat(problems).as("out-of-order migrations are applied in version order").isEmpty();
	}

	/** Created earlier in the same file. */
	private static boolean created(String sql, String table, int before) {
		Matcher creates = CREATES.matcher(sql.substring(0, before));
		while (creates.find()) {
			if (creates.group(1).equals(table)) {
				return true;
			}
		}
		return false;
	}

}
