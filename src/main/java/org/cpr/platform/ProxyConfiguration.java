package org.cpr.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.filters.RemoteIpFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Behind a TLS-terminating reverse proxy: the client address and scheme come from
 * {@code X-Forwarded-For} / {@code X-Forwarded-Proto}, but only when the request arrives
 * from a trusted proxy ({@code cpr.proxy.trusted}, a regular expression of addresses;
 * loopback only by default). Anyone else's forwarded headers are ignored, so a client
 * cannot choose its own address for sign-in throttling. Tomcat's {@link RemoteIpFilter}
 * (the servlet-filter form of its RemoteIpValve) does the work: it walks
 * {@code X-Forwarded-For} from the right past trusted proxies, so a forged leftmost entry
 * is never taken for the client. It runs first, before Spring Security, so HSTS is
 * written when the proxy says https and every filter sees the real client.
 * ({@code server.forward-headers-strategy} stays {@code none}: one mechanism, also active
 * in tests.)
 * <p>
 * Redirects keep the public address: Tomcat sends a {@code sendRedirect("/path")} as a
 * relative {@code Location} ({@code server.tomcat.use-relative-redirects}). It would
 * otherwise make it absolute from its own connector request, which this filter's wrapper
 * cannot change, so every redirect behind a TLS proxy read
 * {@code http://<proxy's Host>/path} (ProxyRedirectsTests).
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

	static final String LOOPBACK = "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1";

	@Bean
	FilterRegistrationBean<RemoteIpFilter> forwardedHeaders(
			@Value("${cpr.proxy.trusted:" + LOOPBACK + "}") String trusted) {
		RemoteIpFilter filter = new SchemeAwareRemoteIpFilter();
		filter.setInternalProxies(trusted.isBlank() ? "a^" : trusted);
		filter.setRemoteIpHeader("X-Forwarded-For");
		filter.setProxiesHeader("X-Forwarded-By");
		filter.setProtocolHeader("X-Forwarded-Proto");
		filter.setProtocolHeaderHttpsValue("https");
		filter.setPortHeader("X-Forwarded-Port");
		FilterRegistrationBean<RemoteIpFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Tomcat's filter records "secure" as a request attribute that only Tomcat's own
	 * request object reads; this makes {@code isSecure()} follow it on any request
	 * (wrappers, other containers, MockMvc).
	 */
	static final class SchemeAwareRemoteIpFilter extends RemoteIpFilter {

		static final String SECURE = "org.apache.catalina.filters.RemoteIpFilter.secure";

		@Override
		public void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			super.doFilter(request, response,
					(req, res) -> chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) req) {
						@Override
						public boolean isSecure() {
							return getAttribute(SECURE) instanceof Boolean secure ? secure : super.isSecure();
						}
					}, res));
		}

	}

}
