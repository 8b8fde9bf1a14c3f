package org.cpr.platform;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Clock, locale and message bundles. Each module keeps its strings in
 * {@code i18n/<module>.properties} (English) and {@code i18n/<module>_es.properties}
 * (Spanish); all of them are found on the class path, so a new module needs no change
 * here.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

	private final PageModelInterceptor pageModel;

	PlatformConfiguration(PageModelInterceptor pageModel) {
		this.pageModel = pageModel;
	}

	static final Locale SPANISH = Locale.forLanguageTag("es");

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@org.springframework.beans.factory.annotation.Value("${cpr.demo.history:false}") boolean history) {
		// the demo history replays a past year through the services at earlier instants
		return history ? new org.cpr.shared.BackdatingClock(Clock.systemUTC()) : Clock.systemUTC();
	}

	/**
	 * The demo's year of history runs after readiness where configured (the demo
	 * profile): optional work must not hold back a start.
	 */
	@Bean
	static DemoHistoryInBackground demoHistoryInBackground(org.springframework.core.env.Environment env) {
		return new DemoHistoryInBackground(env.getProperty("cpr.demo.history-in-background", Boolean.class, false));
	}

	@Bean
	MessageSource messageSource() throws IOException {
		Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		String[] basenames = Arrays.stream(bundles)
			.map(Resource::getFilename)
			.filter(name -> name != null && !name.contains("_"))
			.map(name -> "classpath:i18n/" + name.substring(0, name.length() - ".properties".length()))
			.distinct()
			.sorted()
			.toArray(String[]::new);
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasenames(basenames);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	/**
	 * Error dispatches only, outside Spring Session's filter (order
	 * {@code Integer.MIN_VALUE + 50}): their failure because the database is still away
	 * is a 503, not Tomcat's bare 500.
	 */
	@Bean
	FilterRegistrationBean<ErrorPageWithoutDatabase> errorPageWithoutDatabase(MessageSource messageSource) {
		FilterRegistrationBean<ErrorPageWithoutDatabase> registration = new FilterRegistrationBean<>(
				new ErrorPageWithoutDatabase(messageSource));
		registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.ERROR);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Off: Spring Boot registers it because webjars-locator-lite is present, and it
	 * passes every link a template writes ({@code @{…}}) through the static resource
	 * resolvers, each a class-path lookup that misses (not cached) for every page link;
	 * with no version strategy configured it only rewrote the one htmx link, which the
	 * locator still resolves when the browser requests it without a version. A fifth of a
	 * results page's rendering CPU (JFR, issue #16).
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		off.setEnabled(false);
		return off;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("CPRLANG");
		// until someone chooses (the switch, the account page, their stored choice at
		// sign-in): the first language the browser asks for that the site offers, else
		// English
		resolver.setDefaultLocaleFunction(PlatformConfiguration::browserLanguage);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSecure(true);
		return resolver;
	}

	/**
	 * The first of the browser's languages (Accept-Language) the site offers, else
	 * English.
	 */
	static Locale browserLanguage(jakarta.servlet.http.HttpServletRequest request) {
		for (var languages = request.getLocales(); languages.hasMoreElements();) {
			String language = languages.nextElement().getLanguage();
			if (SPANISH.getLanguage().equals(language)) {
				return SPANISH;
			}
			if (Locale.ENGLISH.getLanguage().equals(language)) {
				return Locale.ENGLISH;
			}
		}
		return Locale.ENGLISH;
	}

	/**
	 * Browsers that ignore the page's SVG icon (and Chromium's PDF and JSON viewers) ask
	 * for {@code /favicon.ico}: they get the same icon instead of a 404 in the console.
	 */
	@Override
	public void addViewControllers(org.springframework.web.servlet.config.annotation.ViewControllerRegistry registry) {
		registry.addRedirectViewController("/favicon.ico", "/img/favicon.svg")
			.setStatusCode(org.springframework.http.HttpStatus.MOVED_PERMANENTLY);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(pageModel);
	}

}
