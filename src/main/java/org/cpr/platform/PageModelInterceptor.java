package org.cpr.platform;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cpr.shared.NavigationItem;
import org.springframework.beans.factory.ObjectProvider;
import org.cpr.shared.Role;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the navigation links the signed-in person's roles allow, and the crisis contacts,
 * into the model of every rendered page. An interceptor rather than a
 * {@code @ControllerAdvice}: advice model attributes run before every handler, JSON API
 * calls included, which is measurable on the API's hot paths; this runs only when a view
 * is about to be rendered.
 */
@Component
@EnableConfigurationProperties(CrisisContacts.class)
class PageModelInterceptor implements HandlerInterceptor {

	private final List<NavigationItem> items;

	private final CrisisContacts contacts;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	PageModelInterceptor(ObjectProvider<NavigationItem> items, CrisisContacts contacts) {
		this.items = items.orderedStream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.contacts = contacts;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		// a redirect renders no page, and a RedirectView would write the model's simple
		// values (signedIn) into the address it redirects to
		if (view == null || !view.hasView()
				|| (view.getViewName() != null && view.getViewName().startsWith("redirect:"))
				|| (view.getView() instanceof org.springframework.web.servlet.SmartView smart
						&& smart.isRedirectView())) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		// the layout's "signed in?" (Spring Security's isAuthenticated()), decided here
		// once instead of by a security expression evaluated while the page renders
		view.getModelMap().putIfAbsent("signedIn", trust.isAuthenticated(auth));
		view.getModelMap().putIfAbsent("navItems", navItems(auth));
		view.getModelMap().putIfAbsent("crisisContacts", contacts);
	}

	private List<NavigationItem> navItems(Authentication auth) {
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
			return List.of();
		}
		Set<Role> held = EnumSet.noneOf(Role.class);
		for (GrantedAuthority a : auth.getAuthorities()) {
			String name = a.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				try {
					held.add(Role.valueOf(name.substring(5)));
				}
				catch (IllegalArgumentException ignored) {
					// authorities that are not platform roles (e.g. OIDC scopes) add no
					// links
				}
			}
		}
		return items.stream().filter(i -> i.visibleTo(held)).toList();
	}

}
