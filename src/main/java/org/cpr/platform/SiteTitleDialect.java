package org.cpr.platform;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Adds the site's name to every HTML page's title ({@link SiteTitlePostProcessor});
 * Spring Boot hands every dialect bean to the template engine.
 */
@Component
class SiteTitleDialect extends AbstractDialect implements IPostProcessorDialect {

	SiteTitleDialect() {
		super("cpr-site-title");
	}

	@Override
	public int getDialectPostProcessorPrecedence() {
		return 1000;
	}

	@Override
	public Set<IPostProcessor> getPostProcessors() {
		return Set.of(new PostProcessor(TemplateMode.HTML, SiteTitlePostProcessor.class, 1000));
	}

}
