package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every English message has a Spanish one and vice versa, in every bundle (no
 * half-translated page).
 */
class MessageBundleParityTests {

	@Test
	void everyBundleHasTheSameKeysInEnglishAndSpanish() throws IOException {
		Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		int checked = 0;
		for (Resource en : english) {
			String name = en.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			Resource es = en.createRelative(name.replace(".properties", "_es.properties"));
			assertThat(es.exists()).as("Spanish bundle for " + name).isTrue();
			Set<String> enKeys = keys(en);
			Set<String> esKeys = keys(es);
			Set<String> missing = new TreeSet<>(enKeys);
			missing.removeAll(esKeys);
			Set<String> extra = new TreeSet<>(esKeys);
			extra.removeAll(enKeys);
			assertThat(missing).as("keys missing in Spanish " + name).isEmpty();
			assertThat(extra).as("keys only in Spanish " + name).isEmpty();
			checked++;
		}
		assertThat(checked).isGreaterThan(5);
	}

	private static Set<String> keys(Resource r) throws IOException {
		Properties p = new Properties();
		try (InputStream in = r.getInputStream()) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(p.stringPropertyNames());
	}

}
