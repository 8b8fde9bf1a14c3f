package org.cpr.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The platform's request-wide web setup for a web slice
 * ({@link org.cpr.support.WebSlice}): clock, locale, the message bundles of every module,
 * the page model, the proxy-header and control-character filters in their production
 * order, the form binder of typed form fields, and the page and API error handlers.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ PlatformConfiguration.class, FormBindingConfiguration.class, PageModelInterceptor.class,
		InputConfiguration.class, ProxyConfiguration.class, PageExceptionHandler.class, ApiExceptionHandler.class,
		UnmatchedRequestProblems.class })
public class PlatformWeb {

}
