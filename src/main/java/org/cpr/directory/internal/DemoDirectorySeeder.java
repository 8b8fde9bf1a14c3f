package org.cpr.directory.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.cpr.directory.ServiceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo campus's directory from {@code directory/demo-services.csv}, through the
 * same CSV import.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoDirectorySeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectorySeeder.class);

	private final DirectoryServiceRepository services;

	private final ServiceDirectory directory;

	private final org.cpr.identity.IdentityManagement identity;

	DemoDirectorySeeder(DirectoryServiceRepository services, ServiceDirectory directory,
			org.cpr.identity.IdentityManagement identity) {
		this.services = services;
		this.directory = directory;
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (services.count() > 0) {
			return;
		}
		String csv = new ClassPathResource("directory/demo-services.csv").getContentAsString(StandardCharsets.UTF_8);
		var owner = identity.byUsername("admin").map(org.cpr.identity.PersonSummary::id).orElse(null);
		var rows = directory.importCsv(csv, true, null, owner);
		if (rows.stream().anyMatch(r -> !r.ok())) {
			throw new IllegalStateException("demo directory data is invalid at line "
					+ rows.stream().filter(r -> !r.ok()).findFirst().orElseThrow().line());
		}
		log.info("Demo directory seeded: {} services", rows.size());
	}

}
