package org.cpr.directory.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cpr.directory.ServiceEntry;
import org.cpr.directory.ServiceDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo directory's Spanish descriptions ({@code directory/demo-services-es.csv},
 * matched to the seeded services by name), once, after the services are seeded.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoDirectoryTranslations implements ApplicationRunner {

	private final ServiceDirectory directory;

	private final DirectoryTexts texts;

	DemoDirectoryTranslations(ServiceDirectory directory, DirectoryTexts texts) {
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!texts.isEmpty()) {
			return;
		}
		Map<String, UUID> byName = directory.everything()
			.stream()
			.collect(Collectors.toMap(ServiceEntry::name, ServiceEntry::id, (a, b) -> a));
		String csv = new ClassPathResource("directory/demo-services-es.csv").getContentAsString(StandardCharsets.UTF_8);
		for (CSVRecord r : CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))) {
			UUID id = byName.get(r.get("name"));
			if (id != null) {
				texts.put(id, "es", r.get("description_es"));
			}
		}
	}

}
