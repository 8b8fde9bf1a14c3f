package org.cpr.identity.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Stores a signed-in person's language when they use the language switch
 * ({@code ?lang=es}), so that what is sent to them later (e-mail, reminders) is in the
 * language they read the site in. Only the offered languages are stored; the cookie that
 * keeps the page language is the platform's locale resolver's.
 */
@Configuration(proxyBeanMethods = false)
class LanguagePreference implements WebMvcConfigurer, HandlerInterceptor {

	private final IdentityManagement identity;

	LanguagePreference(IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = request.getParameter("lang");
		if (lang == null || !IdentityManagementService.LANGUAGES.contains(lang)) {
			return true;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CprUser user && user.personId() != null) {
			identity.rememberLanguage(user.personId(), Locale.forLanguageTag(lang));
		}
		return true;
	}

}
